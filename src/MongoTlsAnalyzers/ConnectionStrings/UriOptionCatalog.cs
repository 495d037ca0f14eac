using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// The option names the driver's <c>ConnectionString.ParseOption</c> recognises (release builds, checked
    /// against tags v2.30.0 and v3.x and, in the differential tests, against the real assemblies).
    /// Anything else lands in <c>ConnectionString.AllUnknownOptionNames</c> and is silently ignored.
    /// </summary>
    internal static class UriOptionCatalog
    {
        private static readonly string[] ReadPreferenceModes = { "Primary", "PrimaryPreferred", "Secondary", "SecondaryPreferred", "Nearest" };
        private static readonly string[] ReadConcernLevels = { "Available", "Local", "Majority", "Linearizable", "Snapshot" };
        private static readonly string[] ServerMonitoringModes = { "Auto", "Poll", "Stream" };
        private static readonly string[] ClusterConnectionModes = { "Automatic", "Direct", "Standalone", "ReplicaSet", "Sharded" };
        private static readonly string[] GuidRepresentations = { "Unspecified", "Standard", "CSharpLegacy", "JavaLegacy", "PythonLegacy" };

        private static readonly Dictionary<string, KnownUriOption> Options = Build();

        /// <summary>Finds a known option by name, case-insensitively, for the given driver.</summary>
        public static KnownUriOption? Find(string name, DriverProfile profile)
        {
            if (Options.TryGetValue(name, out var option) && option.IsKnownTo(profile))
            {
                return option;
            }

            return null;
        }

        /// <summary>Every option known to the given driver.</summary>
        public static IEnumerable<KnownUriOption> KnownTo(DriverProfile profile)
        {
            foreach (var option in Options.Values)
            {
                if (option.IsKnownTo(profile))
                {
                    yield return option;
                }
            }
        }

        private static Dictionary<string, KnownUriOption> Build()
        {
            var map = new Dictionary<string, KnownUriOption>(StringComparer.OrdinalIgnoreCase);

            void Add(UriOptionKind kind, DriverTimeout timeout, string[]? enumNames, int first, int last, params string[] names)
            {
                foreach (var name in names)
                {
                    map.Add(name, new KnownUriOption(name, kind, timeout, enumNames, first, last));
                }
            }

            void Both(UriOptionKind kind, params string[] names) => Add(kind, DriverTimeout.None, null, 2, int.MaxValue, names);
            void Time(DriverTimeout timeout, params string[] names) => Add(UriOptionKind.Duration, timeout, null, 2, int.MaxValue, names);

            Both(UriOptionKind.ApplicationName, "appName");
            Both(UriOptionKind.Text, "authMechanism", "authSource", "replicaSet", "gssapiServiceName");
            Both(UriOptionKind.AuthMechanismProperties, "authMechanismProperties");
            Both(UriOptionKind.Compressors, "compressors");
            Both(UriOptionKind.Boolean, "directConnection", "fsync", "ipv6", "j", "journal", "loadBalanced", "retryReads", "retryWrites", "safe",
                "ssl", "tls", "sslVerifyCertificate", "tlsDisableCertificateRevocationCheck", "tlsInsecure");
            Both(UriOptionKind.Int32, "maxConnecting", "maxPoolSize", "minPoolSize", "waitQueueSize", "zlibCompressionLevel");
            Both(UriOptionKind.NonNegativeInt32, "srvMaxHosts");
            Both(UriOptionKind.Double, "waitQueueMultiple");
            Both(UriOptionKind.NonEmptyText, "srvServiceName");
            Both(UriOptionKind.WriteConcern, "w");
            Both(UriOptionKind.ReadPreferenceTags, "readPreferenceTags");
            Add(UriOptionKind.Enum, DriverTimeout.None, ReadConcernLevels, 2, int.MaxValue, "readConcernLevel");
            Add(UriOptionKind.Enum, DriverTimeout.None, ReadPreferenceModes, 2, int.MaxValue, "readPreference");
            Add(UriOptionKind.Enum, DriverTimeout.None, ServerMonitoringModes, 2, int.MaxValue, "serverMonitoringMode");

            Time(DriverTimeout.Connect, "connectTimeout", "connectTimeoutMS");
            Time(DriverTimeout.HeartbeatInterval, "heartbeatFrequency", "heartbeatFrequencyMS", "heartbeatInterval", "heartbeatIntervalMS");
            Time(DriverTimeout.HeartbeatTimeout, "heartbeatTimeout", "heartbeatTimeoutMS");
            Time(DriverTimeout.MaxIdleTime, "maxIdleTime", "maxIdleTimeMS");
            Time(DriverTimeout.MaxLifetime, "maxLifeTime", "maxLifeTimeMS");
            Time(DriverTimeout.MaxStaleness, "maxStaleness", "maxStalenessSeconds");
            Time(DriverTimeout.LocalThreshold, "localThreshold", "localThresholdMS", "secondaryAcceptableLatency", "secondaryAcceptableLatencyMS");
            Time(DriverTimeout.ServerSelection, "serverSelectionTimeout", "serverSelectionTimeoutMS");
            Time(DriverTimeout.Socket, "socketTimeout", "socketTimeoutMS");
            Time(DriverTimeout.WaitQueue, "waitQueueTimeout", "waitQueueTimeoutMS");
            Add(UriOptionKind.NonNegativeDuration, DriverTimeout.WriteConcern, null, 2, int.MaxValue, "wtimeout", "wtimeoutMS");

            // Driver 2.x only: removed in 3.0.
            Add(UriOptionKind.Enum, DriverTimeout.None, ClusterConnectionModes, 2, 2, "connect");
            Add(UriOptionKind.Enum, DriverTimeout.None, GuidRepresentations, 2, 2, "uuidRepresentation", "guids");

            // Driver 3.x only.
            Add(UriOptionKind.ProxyText, DriverTimeout.None, null, 3, int.MaxValue, "proxyHost", "proxyUsername", "proxyPassword");
            Add(UriOptionKind.ProxyPort, DriverTimeout.None, null, 3, int.MaxValue, "proxyPort");
            Add(UriOptionKind.Boolean, DriverTimeout.None, null, 3, int.MaxValue, "enableOverloadRetargeting");
            Add(UriOptionKind.NonNegativeInt32, DriverTimeout.None, null, 3, int.MaxValue, "maxAdaptiveRetries");

            // Note: timeout/timeoutMS are parsed only in the driver's DEBUG builds; released drivers ignore them.
            return map;
        }
    }
}
