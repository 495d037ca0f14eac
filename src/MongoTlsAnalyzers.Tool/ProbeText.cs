using System.Globalization;
using System.IO;
using MongoTlsAnalyzers.Settings.Probing;

namespace MongoTlsAnalyzers.Tool
{
    /// <summary>The probe report for people: one block per host, failures explained with the next step; coloured on a terminal.</summary>
    public sealed class ProbeText
    {
        private const string Green = "\u001b[32m";
        private const string Red = "\u001b[31m";
        private const string Yellow = "\u001b[33m";
        private const string Reset = "\u001b[0m";

        private readonly TextWriter _output;
        private readonly bool _colour;

        /// <summary>Writes to <paramref name="output"/>, with ANSI colours when <paramref name="colour"/> is set.</summary>
        public ProbeText(TextWriter output, bool colour)
        {
            _output = output;
            _colour = colour;
        }

        /// <summary>Writes the whole report.</summary>
        public void Write(ProbeReport report)
        {
            _output.WriteLine($"Probing {report.ConnectionString} (TLS {(report.TlsExpected ? "expected" : "not expected")})");
            if (report.Dns is { } dns)
            {
                _output.WriteLine($"DNS: {dns.SrvName} -> {string.Join(", ", dns.Hosts)}{(dns.TxtOptions is null ? string.Empty : "; TXT " + dns.TxtOptions)} ({Ms(dns.Milliseconds)})");
            }

            if (report.Failure is { } failure)
            {
                WriteFailure(failure);
            }

            foreach (var host in report.Hosts)
            {
                WriteHost(host);
            }

            _output.WriteLine(report.Passed ? Paint(Green, "PASS: every host passed.") : Paint(Red, "FAIL: see the explanation above."));
        }

        private void WriteHost(HostFinding host)
        {
            _output.WriteLine();
            _output.WriteLine($"{host.Host}:{host.Port}{(host.Address is null ? string.Empty : " (" + host.Address + ")")}  {(host.Passed ? Paint(Green, "PASS") : Paint(Red, "FAIL"))}");
            if (host.TcpConnectMilliseconds is double tcp)
            {
                _output.WriteLine($"  TCP connect: {Ms(tcp)}");
            }

            if (host.TlsProtocol is not null)
            {
                _output.WriteLine($"  TLS: {host.TlsProtocol}, {host.CipherSuite}, handshake {Ms(host.TlsHandshakeMilliseconds ?? 0)}");
            }

            for (var i = 0; i < host.Certificates.Count; i++)
            {
                var certificate = host.Certificates[i];
                var left = certificate.DaysLeft < 0 ? Paint(Red, "expired") : certificate.DaysLeft < 14 ? Paint(Yellow, certificate.DaysLeft + " days left") : certificate.DaysLeft + " days left";
                _output.WriteLine($"  [{i}] {certificate.Subject}");
                _output.WriteLine($"      issuer {certificate.Issuer}; expires {certificate.NotAfter.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} ({left})");
                if (i == 0)
                {
                    _output.WriteLine($"      names {string.Join(", ", certificate.Names)}; pin (Tls:PinnedPublicKeySha256) {certificate.PublicKeySha256}");
                }
            }

            if (host.HostNameMatches is bool matches)
            {
                _output.WriteLine($"  Host name: {(matches ? "matches" : Paint(Red, "does not match"))}");
            }

            if (host.SystemStoreValid is bool system)
            {
                _output.WriteLine($"  System trust store: {(system ? Paint(Green, "valid") : Paint(Red, "not valid") + " (" + host.SystemStoreRejection?.Kind + ")")}");
            }

            if (host.CaValid is bool ca)
            {
                _output.WriteLine($"  --ca: {(ca ? Paint(Green, "valid") : Paint(Red, "not valid") + " (" + host.CaRejection?.Kind + ")")}");
            }

            if (host.Hello is not null)
            {
                _output.WriteLine($"  MongoDB: {host.Hello}");
            }
            else if (host.HelloNote is not null)
            {
                _output.WriteLine($"  MongoDB: {Paint(Yellow, host.HelloNote)}");
            }

            if (host.Failure is { } failure)
            {
                WriteFailure(failure);
            }
        }

        private void WriteFailure(ProbeFailure failure)
        {
            _output.WriteLine($"  {Paint(Red, "Problem (" + failure.Code + "):")} {failure.Explanation}");
            _output.WriteLine($"  {Paint(Yellow, "Next step:")} {failure.NextStep}");
        }

        private string Paint(string colour, string text) => _colour ? colour + text + Reset : text;

        private static string Ms(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
    }
}
