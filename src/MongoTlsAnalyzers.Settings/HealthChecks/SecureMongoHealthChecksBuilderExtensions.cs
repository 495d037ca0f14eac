using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoTlsAnalyzers.Settings.HealthChecks;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>Adds the MongoDB TLS health check.</summary>
    public static class SecureMongoHealthChecksBuilderExtensions
    {
        /// <summary>
        /// Checks a client registered with AddSecureMongoClient (the default one, or <paramref name="clientName"/>):
        /// TCP, TLS handshake, certificate and hello within its own timeout (5 s by default). Degraded when the
        /// certificate expires within 14 days (configurable), Unhealthy with the explanation of the failure.
        /// </summary>
        public static IHealthChecksBuilder AddSecureMongo(this IHealthChecksBuilder builder, string? clientName = null, Action<SecureMongoHealthCheckOptions>? configure = null, string? healthCheckName = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            var options = new SecureMongoHealthCheckOptions();
            configure?.Invoke(options);
            var name = clientName ?? Options.DefaultName;
            return builder.Add(new HealthCheckRegistration(
                healthCheckName ?? (name.Length == 0 ? "mongodb" : "mongodb-" + name),
                provider => new SecureMongoHealthCheck(name, provider.GetRequiredService<IOptionsMonitor<SecureMongoOptions>>(), options, provider.GetService<IHostEnvironment>()),
                failureStatus: HealthStatus.Unhealthy,
                tags: new[] { "mongodb" },
                timeout: options.Timeout + TimeSpan.FromSeconds(1)));
        }
    }
}
