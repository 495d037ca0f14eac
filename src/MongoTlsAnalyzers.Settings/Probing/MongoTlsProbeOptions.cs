using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>What <see cref="MongoTlsProbe"/> checks against, and how long it waits.</summary>
    public sealed class MongoTlsProbeOptions
    {
        /// <summary>A PEM file with the private CA to validate the servers' certificates against, besides the system store.</summary>
        public string? CaPemPath { get; set; }

        /// <summary>CA certificates to validate against (instead of <see cref="CaPemPath"/>), as the helper has them loaded.</summary>
        public X509Certificate2Collection? CaCertificates { get; set; }

        /// <summary>How long each step (DNS, TCP connect, TLS handshake, hello) may take.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>
        /// Like curl's --resolve: <c>host:port</c> to the address to connect to. TLS (SNI and the host-name check)
        /// still uses the host name.
        /// </summary>
        public IDictionary<string, string> Resolve { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The DNS servers asked for SRV and TXT records; the system's when empty.</summary>
        public IList<IPEndPoint> DnsServers { get; } = new List<IPEndPoint>();

        /// <summary>Whether to send a MongoDB hello after the handshake.</summary>
        public bool SendHello { get; set; } = true;

        /// <summary>Adds a curl-style <c>host:port:address</c> entry; false when it is not of that form.</summary>
        public bool AddResolve(string entry)
        {
            var parts = (entry ?? string.Empty).Split(':', 3);
            if (parts.Length != 3 || parts[0].Length == 0 || !int.TryParse(parts[1], out var port) || port is <= 0 or > 65535 || parts[2].Length == 0)
            {
                return false;
            }

            Resolve[parts[0] + ":" + port] = parts[2].Trim('[', ']');
            return true;
        }
    }
}
