using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// MongoDB connection settings bound from configuration (the <c>MongoDB</c> section by default). Everything
    /// but the connection string is optional; TLS is validated by default.
    /// </summary>
    /// <example>
    /// <code>
    /// "MongoDB": {
    ///   "ConnectionString": "mongodb://orders-svc@db1.internal:27017,db2.internal:27017/orders?replicaSet=rs0&amp;tls=true",
    ///   "Tls": { "CaCertificatePath": "/etc/ssl/corp-root-ca.pem" },
    ///   "Timeouts": { "ServerSelection": "00:00:15" }
    /// }
    /// </code>
    /// </example>
    public sealed class SecureMongoOptions
    {
        /// <summary>The configuration section read by default.</summary>
        public const string DefaultSectionName = "MongoDB";

        /// <summary>
        /// The MongoDB connection string. Keep the password out of it when it lives in appsettings.json: put the
        /// password in <see cref="Password"/> (user secrets, the environment, a vault).
        /// </summary>
        public string? ConnectionString { get; set; }

        /// <summary>The user name, when it is not in the connection string.</summary>
        public string? Username { get; set; }

        /// <summary>
        /// The password, kept apart from the connection string (<c>MongoDB__Password</c>, user secrets, a vault); it
        /// needs no percent-encoding. Never logged or shown in a message.
        /// </summary>
        public string? Password { get; set; }

        /// <summary>The database to register as <c>IMongoDatabase</c>; defaults to the one in the connection string.</summary>
        public string? DatabaseName { get; set; }

        /// <summary>The application name reported to the server.</summary>
        public string? ApplicationName { get; set; }

        /// <summary>Whether writes are retried once on network errors; the driver default when null.</summary>
        public bool? RetryWrites { get; set; }

        /// <summary>Whether reads are retried once on network errors; the driver default when null.</summary>
        public bool? RetryReads { get; set; }

        /// <summary>Primary, PrimaryPreferred, Secondary, SecondaryPreferred or Nearest; the connection string's when null.</summary>
        public string? ReadPreference { get; set; }

        /// <summary>The Stable API version (Atlas's snippet sets V1).</summary>
        public SecureMongoServerApiOptions ServerApi { get; set; } = new SecureMongoServerApiOptions();

        /// <summary>TLS settings.</summary>
        public SecureMongoTlsOptions Tls { get; set; } = new SecureMongoTlsOptions();

        /// <summary>Driver timeouts.</summary>
        public SecureMongoTimeoutOptions Timeouts { get; set; } = new SecureMongoTimeoutOptions();

        /// <summary>Connection pool settings.</summary>
        public SecureMongoPoolOptions Pool { get; set; } = new SecureMongoPoolOptions();

        /// <summary>Values the configuration held that could not be bound (a malformed time span, an unknown enum name).</summary>
        internal List<string> BindingProblems { get; } = new List<string>();
    }

    /// <summary>TLS settings: on and validated unless configured otherwise.</summary>
    public sealed class SecureMongoTlsOptions
    {
        /// <summary>Whether to use TLS. When null it follows the connection string, where <c>mongodb+srv://</c> turns it on.</summary>
        public bool? Enabled { get; set; }

        /// <summary>A PEM file with the CA certificate (or a bundle) that signed the server's certificate.</summary>
        public string? CaCertificatePath { get; set; }

        /// <summary>The CA certificate (or a bundle) as inline PEM text.</summary>
        public string? CaCertificatePem { get; set; }

        /// <summary>The client certificate: a PFX/PKCS#12 file, or a PEM file (with its key, or with <see cref="ClientKeyPath"/>).</summary>
        public string? ClientCertificatePath { get; set; }

        /// <summary>The password of a PFX client certificate. Never logged.</summary>
        public string? ClientCertificatePassword { get; set; }

        /// <summary>A PEM file with the client certificate's private key, when it is not in <see cref="ClientCertificatePath"/>.</summary>
        public string? ClientKeyPath { get; set; }

        /// <summary>Optional SHA-256 hashes of the server's SubjectPublicKeyInfo (base64 or hex); one must match.</summary>
        public string[] PinnedPublicKeySha256 { get; set; } = Array.Empty<string>();

        /// <summary>The oldest TLS version allowed: <c>Tls12</c> (default) or <c>Tls13</c>.</summary>
        public string MinimumProtocol { get; set; } = "Tls12";

        /// <summary>
        /// How revocation is checked when a custom CA is configured. <c>NoCheck</c> by default, because private CAs
        /// rarely publish revocation lists and an unreachable list would fail every connection; use <c>Online</c>
        /// when yours does.
        /// </summary>
        public X509RevocationMode RevocationMode { get; set; } = X509RevocationMode.NoCheck;

        /// <summary>
        /// Turns certificate validation off when, and only when, the host environment is Development. Never
        /// honoured in any other environment.
        /// </summary>
        public bool AllowInsecureTlsInDevelopment { get; set; }
    }

    /// <summary>Driver timeouts. Values below <see cref="RecommendedTimeouts"/> are refused unless <see cref="AllowBelowRecommended"/> is set.</summary>
    public sealed class SecureMongoTimeoutOptions
    {
        /// <summary>How long to wait for a suitable server. Recommended at least 12 s, the usual election time.</summary>
        public TimeSpan? ServerSelection { get; set; }

        /// <summary>How long to wait for a connection, TLS handshake included. Recommended at least 5 s; 0 times out at once.</summary>
        public TimeSpan? Connect { get; set; }

        /// <summary>How long a socket read or write may take. Recommended at least 10 s; 0 means no timeout.</summary>
        public TimeSpan? Socket { get; set; }

        /// <summary>How long to wait for a pooled connection. Recommended at least 1 s.</summary>
        public TimeSpan? WaitQueue { get; set; }

        /// <summary>How often servers are monitored. Recommended at least 500 ms.</summary>
        public TimeSpan? HeartbeatInterval { get; set; }

        /// <summary>Accept timeouts below the recommended minimums.</summary>
        public bool AllowBelowRecommended { get; set; }
    }

    /// <summary>Connection pool settings.</summary>
    public sealed class SecureMongoPoolOptions
    {
        /// <summary>The most connections per server.</summary>
        public int? MaxSize { get; set; }

        /// <summary>The fewest connections kept open per server.</summary>
        public int? MinSize { get; set; }

        /// <summary>How long an idle connection is kept.</summary>
        public TimeSpan? MaxIdleTime { get; set; }
    }
}
