using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>One row of <see cref="DriverSurface"/>: a member of a driver type and its role.</summary>
    internal readonly struct DriverMember
    {
        public DriverMember(DriverType type, DriverMemberKind kind, string name, DriverRole role, DriverTimeout timeout = DriverTimeout.None, bool screens = true)
        {
            Type = type;
            Kind = kind;
            Name = name;
            Role = role;
            Timeout = timeout;
            Screens = screens;
        }

        public DriverType Type { get; }

        public DriverMemberKind Kind { get; }

        /// <summary>The member's name; for a parameter, the parameter's name (of any method or constructor of the type).</summary>
        public string Name { get; }

        public DriverRole Role { get; }

        /// <summary>Which timeout a <see cref="DriverRole.Timeout"/> property sets.</summary>
        public DriverTimeout Timeout { get; }

        /// <summary>
        /// Whether the name is a trigger word of the source screen: a member whose every use the rules analyse must
        /// keep its members in. Sinks and servers are reached through the scheme's words or a settings object instead.
        /// </summary>
        public bool Screens { get; }
    }
}
