using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Which MongoDB .NET driver a compilation references. The connection-string grammar is the same on
    /// both lines, but the set of known option names differs (2.x knows <c>connect</c> and
    /// <c>uuidRepresentation</c>; 3.x knows the <c>proxy*</c> options).
    /// </summary>
    internal sealed class DriverProfile : IEquatable<DriverProfile>
    {
        public static readonly DriverProfile V2 = new DriverProfile(new Version(2, 30, 0, 0));
        public static readonly DriverProfile V3 = new DriverProfile(new Version(3, 14, 0, 0));

        public DriverProfile(Version version)
        {
            Version = version ?? throw new ArgumentNullException(nameof(version));
        }

        /// <summary>The referenced MongoDB.Driver assembly version.</summary>
        public Version Version { get; }

        public int MajorVersion => Version.Major;

        public bool IsVersion2 => Version.Major < 3;

        public static DriverProfile FromAssemblyVersion(Version? version)
        {
            if (version is null)
            {
                return V3;
            }

            if (version.Major == 2 && version.Minor == 30)
            {
                return V2;
            }

            if (version.Major == 3 && version.Minor == 14)
            {
                return V3;
            }

            return new DriverProfile(version);
        }

        public bool Equals(DriverProfile? other) => other is not null && Version.Equals(other.Version);

        public override bool Equals(object? obj) => Equals(obj as DriverProfile);

        public override int GetHashCode() => Version.GetHashCode();

        public override string ToString() => "MongoDB.Driver " + Version.ToString(3);
    }
}
