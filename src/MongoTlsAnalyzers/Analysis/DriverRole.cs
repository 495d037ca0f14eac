namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>What a driver member means to the rules.</summary>
    internal enum DriverRole
    {
        None,

        /// <summary>Where a connection string reaches the driver (docs/architecture.md "Sinks").</summary>
        Sink,

        /// <summary><c>UseTls</c>, <c>UseSsl</c>: TLS on or off.</summary>
        TlsSwitch,

        /// <summary><c>AllowInsecureTls</c>: <c>true</c> turns certificate validation off.</summary>
        InsecureTlsSwitch,

        /// <summary><c>VerifySslCertificate</c>: <c>false</c> turns certificate validation off.</summary>
        VerificationSwitch,

        /// <summary>A server certificate validation callback.</summary>
        ValidationCallback,

        /// <summary>The client certificates (MTA006 looks for CA certificates put there).</summary>
        ClientCertificates,

        /// <summary>The enabled TLS protocols (MTA010).</summary>
        Protocols,

        /// <summary>Whether revocation is checked.</summary>
        RevocationCheck,

        /// <summary><c>ClusterConfigurator</c> and <c>ClusterBuilder.ConfigureSsl</c>: run last, override the settings.</summary>
        Configurator,

        /// <summary>A timeout property; the row says which (<c>DriverTimeout</c>).</summary>
        Timeout,

        /// <summary>An API that takes a password: <c>MongoCredential.Create*Credential</c>, <c>new PasswordEvidence</c>.</summary>
        CredentialApi,

        /// <summary><c>MongoUrlBuilder.Password</c>.</summary>
        Password,

        /// <summary><c>Server</c>, <c>Servers</c>: where a settings object points.</summary>
        Servers,
    }
}
