using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>One option the driver recognises.</summary>
    internal sealed class KnownUriOption
    {
        public KnownUriOption(string name, UriOptionKind kind, DriverTimeout timeout, string[]? enumNames, int firstMajor, int lastMajor)
        {
            Name = name;
            Key = name.ToLowerInvariant();
            Kind = kind;
            Timeout = timeout;
            EnumNames = enumNames ?? Array.Empty<string>();
            FirstMajor = firstMajor;
            LastMajor = lastMajor;
        }

        /// <summary>The documented spelling, such as <c>connectTimeoutMS</c>.</summary>
        public string Name { get; }

        /// <summary>The lower-case name, as the driver's switch statement spells it.</summary>
        public string Key { get; }

        public UriOptionKind Kind { get; }

        public DriverTimeout Timeout { get; }

        /// <summary>What the option means to the rules.</summary>
        public UriOptionRole Role => Key switch
        {
            "tls" or "ssl" => UriOptionRole.TlsSwitch,
            "tlsinsecure" => UriOptionRole.InsecureTls,
            "sslverifycertificate" => UriOptionRole.VerifyCertificate,
            _ => UriOptionRole.None,
        };

        public string[] EnumNames { get; }

        public int FirstMajor { get; }

        public int LastMajor { get; }

        /// <summary>True when the name ends in <c>MS</c>, so its bare number is milliseconds rather than seconds.</summary>
        public bool IsMillisecondsForm => Key.EndsWith("ms", StringComparison.Ordinal);

        public bool IsKnownTo(DriverProfile profile) => profile.MajorVersion >= FirstMajor && profile.MajorVersion <= LastMajor;
    }
}
