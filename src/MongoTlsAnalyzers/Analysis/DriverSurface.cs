using System.Collections.Immutable;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// The one declarative table of the driver surface the rules look at: each type by its full metadata name (the
    /// same on 2.x, where some live in MongoDB.Driver.Core.dll, and on 3.x, where everything is in MongoDB.Driver.dll),
    /// and each member with its role. The rules, the timeout policy and the source screen's trigger words all read
    /// it, so a renamed or new driver member is one line here.
    /// </summary>
    internal static class DriverSurface
    {
        /// <summary>The metadata name of each <see cref="DriverType"/>, and whether its simple name is a trigger word.</summary>
        public static readonly ImmutableArray<(DriverType Type, string MetadataName, bool Screens)> Types = ImmutableArray.Create(
            (DriverType.MongoClient, "MongoDB.Driver.MongoClient", true),
            (DriverType.MongoClientSettings, "MongoDB.Driver.MongoClientSettings", true),
            (DriverType.MongoUrl, "MongoDB.Driver.MongoUrl", true),
            (DriverType.MongoUrlBuilder, "MongoDB.Driver.MongoUrlBuilder", true),
            (DriverType.MongoCredential, "MongoDB.Driver.MongoCredential", true),
            (DriverType.PasswordEvidence, "MongoDB.Driver.PasswordEvidence", true),
            (DriverType.MongoServerAddress, "MongoDB.Driver.MongoServerAddress", true),
            (DriverType.SslSettings, "MongoDB.Driver.SslSettings", true),
            (DriverType.MongoDefaults, "MongoDB.Driver.MongoDefaults", true),
            (DriverType.ClusterBuilder, "MongoDB.Driver.Core.Configuration.ClusterBuilder", true),
            (DriverType.SslStreamSettings, "MongoDB.Driver.Core.Configuration.SslStreamSettings", true));

        public static readonly ImmutableArray<DriverMember> Members = Build();

        private static ImmutableArray<DriverMember> Build()
        {
            var rows = ImmutableArray.CreateBuilder<DriverMember>();

            // Sinks (docs/architecture.md "Sinks"): found through the scheme's words, not their names.
            rows.Add(new DriverMember(DriverType.MongoClient, DriverMemberKind.Constructor, ".ctor", DriverRole.Sink, screens: false));
            rows.Add(new DriverMember(DriverType.MongoClientSettings, DriverMemberKind.Method, "FromConnectionString", DriverRole.Sink, screens: false));
            rows.Add(new DriverMember(DriverType.MongoClientSettings, DriverMemberKind.Method, "FromUrl", DriverRole.Sink, screens: false));
            rows.Add(new DriverMember(DriverType.MongoUrl, DriverMemberKind.Constructor, ".ctor", DriverRole.Sink, screens: false));
            rows.Add(new DriverMember(DriverType.MongoUrl, DriverMemberKind.Method, "Create", DriverRole.Sink, screens: false));
            rows.Add(new DriverMember(DriverType.MongoUrlBuilder, DriverMemberKind.Constructor, ".ctor", DriverRole.Sink, screens: false));

            // The settings objects: TLS, validation, servers, timeouts (MTA003, MTA004, MTA007-MTA009).
            foreach (var settings in new[] { DriverType.MongoClientSettings, DriverType.MongoUrlBuilder })
            {
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "UseTls", DriverRole.TlsSwitch));
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "UseSsl", DriverRole.TlsSwitch));
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "AllowInsecureTls", DriverRole.InsecureTlsSwitch));
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "VerifySslCertificate", DriverRole.VerificationSwitch));
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "Server", DriverRole.Servers, screens: false));
                rows.Add(new DriverMember(settings, DriverMemberKind.Property, "Servers", DriverRole.Servers, screens: false));
            }

            // Timeouts (MTA007, MTA008). MongoDefaults changes the default of every client made after it.
            var timeouts = new[]
            {
                ("ConnectTimeout", DriverTimeout.Connect), ("ServerSelectionTimeout", DriverTimeout.ServerSelection),
                ("SocketTimeout", DriverTimeout.Socket), ("WaitQueueTimeout", DriverTimeout.WaitQueue),
                ("HeartbeatInterval", DriverTimeout.HeartbeatInterval), ("HeartbeatTimeout", DriverTimeout.HeartbeatTimeout),
                ("LocalThreshold", DriverTimeout.LocalThreshold), ("MaxConnectionIdleTime", DriverTimeout.MaxIdleTime),
                ("MaxConnectionLifeTime", DriverTimeout.MaxLifetime), ("WTimeout", DriverTimeout.WriteConcern),
            };
            foreach (var (name, timeout) in timeouts)
            {
                rows.Add(new DriverMember(DriverType.MongoUrlBuilder, DriverMemberKind.Property, name, DriverRole.Timeout, timeout));
                if (timeout != DriverTimeout.WriteConcern)
                {
                    rows.Add(new DriverMember(DriverType.MongoClientSettings, DriverMemberKind.Property, name, DriverRole.Timeout, timeout));
                }

                if (timeout is not (DriverTimeout.WriteConcern or DriverTimeout.HeartbeatInterval or DriverTimeout.HeartbeatTimeout))
                {
                    rows.Add(new DriverMember(DriverType.MongoDefaults, DriverMemberKind.Property, name, DriverRole.Timeout, timeout));
                }
            }

            // ClusterConfigurator runs last and ConfigureSsl turns TLS on whatever UseTls says.
            rows.Add(new DriverMember(DriverType.MongoClientSettings, DriverMemberKind.Property, "ClusterConfigurator", DriverRole.Configurator));
            rows.Add(new DriverMember(DriverType.ClusterBuilder, DriverMemberKind.Method, "ConfigureSsl", DriverRole.Configurator));

            // What the TLS settings trust and allow (MTA003, MTA006, MTA010), on SslSettings and as SslStreamSettings arguments.
            rows.Add(new DriverMember(DriverType.SslSettings, DriverMemberKind.Property, "ServerCertificateValidationCallback", DriverRole.ValidationCallback));
            rows.Add(new DriverMember(DriverType.SslSettings, DriverMemberKind.Property, "ClientCertificates", DriverRole.ClientCertificates));
            rows.Add(new DriverMember(DriverType.SslSettings, DriverMemberKind.Property, "EnabledSslProtocols", DriverRole.Protocols));
            rows.Add(new DriverMember(DriverType.SslSettings, DriverMemberKind.Property, "CheckCertificateRevocation", DriverRole.RevocationCheck));
            rows.Add(new DriverMember(DriverType.SslStreamSettings, DriverMemberKind.Parameter, "serverCertificateValidationCallback", DriverRole.ValidationCallback));
            rows.Add(new DriverMember(DriverType.SslStreamSettings, DriverMemberKind.Parameter, "clientCertificates", DriverRole.ClientCertificates));
            rows.Add(new DriverMember(DriverType.SslStreamSettings, DriverMemberKind.Parameter, "enabledProtocols", DriverRole.Protocols));
            rows.Add(new DriverMember(DriverType.SslStreamSettings, DriverMemberKind.Parameter, "checkCertificateRevocation", DriverRole.RevocationCheck));

            // Credentials (MTA001): every MongoCredential factory that takes a password, on 2.x and 3.x.
            foreach (var factory in new[]
            {
                "CreateCredential", "CreatePlainCredential", "CreateMongoCRCredential", "CreateMongoX509Credential",
                "CreateGssapiCredential", "CreateOidcCredential",
            })
            {
                rows.Add(new DriverMember(DriverType.MongoCredential, DriverMemberKind.Method, factory, DriverRole.CredentialApi));
            }

            rows.Add(new DriverMember(DriverType.PasswordEvidence, DriverMemberKind.Constructor, ".ctor", DriverRole.CredentialApi, screens: false));
            rows.Add(new DriverMember(DriverType.MongoUrlBuilder, DriverMemberKind.Property, "Password", DriverRole.Password));

            return rows.ToImmutable();
        }
    }
}
