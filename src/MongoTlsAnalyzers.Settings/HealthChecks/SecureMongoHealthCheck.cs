using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoTlsAnalyzers.Settings.Probing;

namespace MongoTlsAnalyzers.Settings.HealthChecks
{
    /// <summary>
    /// Probes the client's servers (<see cref="MongoTlsProbe"/>: TCP, TLS handshake, certificate, hello) with its own
    /// short timeout. Healthy with the handshake time, protocol and certificate in its data; Degraded when a
    /// certificate expires within the window; Unhealthy with the probe's explanation and next step.
    /// </summary>
    internal sealed class SecureMongoHealthCheck : IHealthCheck
    {
        private readonly string _clientName;
        private readonly IOptionsMonitor<SecureMongoOptions> _options;
        private readonly SecureMongoHealthCheckOptions _checkOptions;
        private readonly IHostEnvironment? _environment;

        public SecureMongoHealthCheck(string clientName, IOptionsMonitor<SecureMongoOptions> options, SecureMongoHealthCheckOptions checkOptions, IHostEnvironment? environment)
        {
            _clientName = clientName;
            _options = options;
            _checkOptions = checkOptions;
            _environment = environment;
        }

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var options = _options.Get(_clientName);
            var settings = SecureMongoSettings.Build(options, _environment);
            var probeOptions = new MongoTlsProbeOptions { Timeout = _checkOptions.Timeout };
            if (settings.SslSettings?.ServerCertificateValidationCallback?.Target is CustomCaCertificateValidator validator && validator.TrustedRoots.Count > 0)
            {
                probeOptions.CaCertificates = validator.TrustedRoots;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_checkOptions.Timeout);
            ProbeReport report;
            try
            {
                // The password never leaves the settings: the probe needs only hosts and TLS.
                report = await MongoTlsProbe.RunAsync(WithoutCredentials(options.ConnectionString!), probeOptions, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"The MongoDB probe did not finish within {_checkOptions.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.");
            }

            var data = new Dictionary<string, object>();
            foreach (var host in report.Hosts)
            {
                var prefix = report.Hosts.Count == 1 ? string.Empty : host.Host + ":" + host.Port + ".";
                Add(data, prefix + "tcpConnectMs", host.TcpConnectMilliseconds);
                Add(data, prefix + "tlsHandshakeMs", host.TlsHandshakeMilliseconds);
                Add(data, prefix + "tlsProtocol", host.TlsProtocol);
                if (host.Certificates.FirstOrDefault() is { } leaf)
                {
                    data[prefix + "certificateSubject"] = leaf.Subject;
                    data[prefix + "certificateIssuer"] = leaf.Issuer;
                    data[prefix + "certificateExpires"] = leaf.NotAfter.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    data[prefix + "certificateDaysLeft"] = leaf.DaysLeft;
                }
            }

            var failure = report.Failure ?? report.Hosts.Select(h => h.Failure).FirstOrDefault(f => f is not null);
            if (failure is not null)
            {
                data["failureCode"] = failure.Code;
                data["nextStep"] = failure.NextStep;
                return HealthCheckResult.Unhealthy(failure.Explanation, data: data);
            }

            var expiring = report.Hosts.SelectMany(h => h.Certificates.Take(1).Select(c => (Host: h, Certificate: c)))
                .Where(x => x.Certificate.NotAfter - DateTime.UtcNow < _checkOptions.CertificateExpiryWindow)
                .OrderBy(x => x.Certificate.NotAfter)
                .FirstOrDefault();
            if (expiring.Certificate is { } soon)
            {
                return HealthCheckResult.Degraded($"The certificate of {expiring.Host.Host}:{expiring.Host.Port} ('{soon.Subject}') expires on {soon.NotAfter:yyyy-MM-dd}, in {soon.DaysLeft} days: renew it.", data: data);
            }

            return HealthCheckResult.Healthy($"{report.Hosts.Count} MongoDB host(s) reached over {(report.TlsExpected ? "validated TLS" : "plaintext")}.", data);
        }

        private static string WithoutCredentials(string connectionString)
        {
            var start = connectionString.IndexOf("://", StringComparison.Ordinal);
            var at = connectionString.LastIndexOf('@');
            var slash = start < 0 ? -1 : connectionString.IndexOf('/', start + 3);
            return start >= 0 && at > start && (slash < 0 || at < slash) ? connectionString.Substring(0, start + 3) + connectionString.Substring(at + 1) : connectionString;
        }

        private static void Add(Dictionary<string, object> data, string key, object? value)
        {
            if (value is not null)
            {
                data[key] = value is double number ? Math.Round(number, 1) : value;
            }
        }
    }
}
