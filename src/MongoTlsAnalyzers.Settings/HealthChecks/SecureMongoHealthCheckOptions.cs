using System;

namespace MongoTlsAnalyzers.Settings.HealthChecks
{
    /// <summary>Options of the MongoDB TLS health check.</summary>
    public sealed class SecureMongoHealthCheckOptions
    {
        /// <summary>How long the whole check may take: 5 s by default, independent of the server-selection timeout.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The check is Degraded when the server certificate expires within this window: 14 days by default.</summary>
        public TimeSpan CertificateExpiryWindow { get; set; } = TimeSpan.FromDays(14);
    }
}
