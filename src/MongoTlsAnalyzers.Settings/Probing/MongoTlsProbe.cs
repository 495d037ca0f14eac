using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>
    /// Probes the servers of a connection string: DNS (SRV and TXT for mongodb+srv://), the TCP connect, the TLS
    /// handshake (protocol, cipher suite, time), the certificate chain (expiry, host name, pin) validated against
    /// the system store and a private CA, and a MongoDB hello. Every failure is explained with the next step. The
    /// report never holds the password. The mongo-tls tool and the health check share it.
    /// </summary>
    public static class MongoTlsProbe
    {
        /// <summary>Runs the probe; it does not throw for network or TLS failures, which are in the report.</summary>
        public static async Task<ProbeReport> RunAsync(string connectionString, MongoTlsProbeOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new MongoTlsProbeOptions();
            var shown = Redacted(connectionString ?? string.Empty);
            MongoUrl url;
            try
            {
                url = new MongoUrl(connectionString);
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException or IndexOutOfRangeException)
            {
                return new ProbeReport { ConnectionString = shown, Failure = ProbeExplanations.BadConnectionString(SettingsPlan.Redact(ex.Message, connectionString ?? string.Empty)) };
            }

            DnsFinding? dns = null;
            var servers = url.Servers.Select(s => (Host: s.Host, Port: s.Port)).ToList();
            if (url.Scheme == MongoDB.Driver.Core.Configuration.ConnectionStringScheme.MongoDBPlusSrv)
            {
                var srvHost = url.Server.Host;
                var (finding, failure) = await LookUpSrvAsync(srvHost, options, cancellationToken).ConfigureAwait(false);
                if (failure is not null)
                {
                    return new ProbeReport { ConnectionString = shown, TlsExpected = true, Failure = failure };
                }

                dns = finding;
                servers = finding!.Hosts.Select(h => (Host: h.Substring(0, h.LastIndexOf(':')), Port: int.Parse(h.Substring(h.LastIndexOf(':') + 1), CultureInfo.InvariantCulture))).ToList();
            }

            var roots = options.CaCertificates is { Count: > 0 } loaded ? new CustomCaCertificateValidator(loaded) : options.CaPemPath is null ? null : CustomCaCertificateValidator.FromPemFile(options.CaPemPath);
            var hosts = new List<HostFinding>();
            foreach (var (host, port) in servers)
            {
                hosts.Add(await new HostProbe(host, port, url.UseTls, options, roots).RunAsync(cancellationToken).ConfigureAwait(false));
            }

            return new ProbeReport { ConnectionString = shown, TlsExpected = url.UseTls, Dns = dns, Hosts = hosts };
        }

        /// <summary>The connection string with the password in its user info replaced by ****.</summary>
        public static string Redacted(string connectionString)
        {
            var result = connectionString;
            foreach (var password in SettingsPlan.UriPasswords(connectionString).Where(p => p.Length > 0).OrderByDescending(p => p.Length))
            {
                var start = result.IndexOf("://", StringComparison.Ordinal) + 3;
                var at = result.LastIndexOf('@');
                var colon = result.IndexOf(':', start);
                if (colon > 0 && colon < at)
                {
                    result = result.Substring(0, colon + 1) + "****" + result.Substring(at);
                }

                result = result.Replace(password, "****", StringComparison.Ordinal);
            }

            return result;
        }

        internal static async Task<IPAddress[]> ResolveAsync(string host, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
            {
                return new[] { literal };
            }

            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                // RFC 6761: localhost is the loopback address, without asking DNS.
                return new[] { IPAddress.Loopback };
            }

            using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cancel.CancelAfter(timeout);
            return await Dns.GetHostAddressesAsync(host, cancel.Token).ConfigureAwait(false);
        }

        private static async Task<(DnsFinding? Finding, ProbeFailure? Failure)> LookUpSrvAsync(string host, MongoTlsProbeOptions options, CancellationToken cancellationToken)
        {
            var srvName = "_mongodb._tcp." + host;
            var lookup = options.DnsServers.Count > 0 ? new LookupClientOptions(options.DnsServers.ToArray()) : new LookupClientOptions();
            lookup.Timeout = options.Timeout;
            lookup.UseCache = false;
            lookup.ThrowDnsErrors = false;
            lookup.Retries = 1;
            var client = new LookupClient(lookup);
            var watch = Stopwatch.StartNew();
            IDnsQueryResponse srv;
            try
            {
                srv = await client.QueryAsync(srvName, QueryType.SRV, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            }
            catch (DnsResponseException ex)
            {
                return (null, ProbeExplanations.SrvMissing(srvName, ex.Message));
            }

            var records = srv.Answers.SrvRecords().ToList();
            if (srv.HasError || records.Count == 0)
            {
                return (null, ProbeExplanations.SrvMissing(srvName, srv.HasError ? srv.ErrorMessage : "the answer is empty"));
            }

            string? txt = null;
            try
            {
                var txtResponse = await client.QueryAsync(host, QueryType.TXT, QueryClass.IN, cancellationToken).ConfigureAwait(false);
                txt = string.Join("&", txtResponse.Answers.TxtRecords().SelectMany(r => r.Text));
            }
            catch (DnsResponseException)
            {
                // TXT is optional.
            }

            var hosts = records.Select(r => r.Target.Value.TrimEnd('.') + ":" + r.Port).ToList();
            return (new DnsFinding(srvName, hosts, string.IsNullOrEmpty(txt) ? null : txt, watch.Elapsed.TotalMilliseconds), null);
        }
    }
}
