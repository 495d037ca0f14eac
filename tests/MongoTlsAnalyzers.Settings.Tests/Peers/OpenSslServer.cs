using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Threading;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A real TLS peer that we did not write: <c>openssl s_server</c> on a loopback port it binds itself, serving
    /// one certificate. It speaks TLS and then HTTP (or nothing, printing what it receives), not the MongoDB
    /// protocol, so a client that gets past the handshake fails on the first reply instead: the difference between
    /// the two failures, and what the server printed, is what the tests read.
    /// </summary>
    public sealed class OpenSslServer : IDisposable
    {
        private static readonly Regex AcceptLine = new Regex(@"^ACCEPT\s+\S*:(\d+)\s*$", RegexOptions.CultureInvariant);

        private readonly PeerProcess _peer;

        private OpenSslServer(PeerProcess peer) => _peer = peer;

        public int Port => _peer.Port;

        /// <summary>What openssl printed so far (handshake errors included).</summary>
        public string Output => _peer.Output;

        /// <summary>
        /// Serves <paramref name="certificate"/>, followed by the certificates in <paramref name="chainPemPath"/> when
        /// given; <paramref name="extraArguments"/> such as <c>-tls1_3</c> restrict the protocol.
        /// </summary>
        public static OpenSslServer Start(IssuedCertificate certificate, string? chainPemPath = null, params string[] extraArguments) =>
            Launch(certificate, chainPemPath, www: true, extraArguments);

        /// <summary>
        /// Serves <paramref name="certificate"/> without <c>-www</c>: after each handshake openssl prints the session,
        /// the client certificate it received (<c>Client certificate</c>, <c>subject=</c>) and then the bytes the client
        /// sends, so a test can read that a client got through TLS and what it sent. <paramref name="extraArguments"/>
        /// such as <c>-Verify 1 -CAfile ca.pem</c> demand a client certificate. Output arrives by lines: what a
        /// client sends shows up once a line ends or the connection closes.
        /// </summary>
        public static OpenSslServer StartPrintingWhatClientsSend(IssuedCertificate certificate, params string[] extraArguments) =>
            Launch(certificate, null, www: false, extraArguments);

        private static OpenSslServer Launch(IssuedCertificate certificate, string? chainPemPath, bool www, string[] extraArguments)
        {
            var openssl = PeerProcess.FindOnPath("openssl", "the real-TLS tests need it (.ci/run installs it).");
            // Port 0: openssl binds a free port and prints "ACCEPT 127.0.0.1:<port>" (not with -quiet, which hides it).
            var arguments = new List<string> { "s_server", "-accept", "127.0.0.1:0", "-cert", certificate.CertificatePemPath, "-key", certificate.KeyPemPath };
            if (www)
            {
                arguments.Add("-www");
            }

            if (chainPemPath is not null)
            {
                arguments.Add("-cert_chain");
                arguments.Add(chainPemPath);
            }

            arguments.AddRange(extraArguments);
            return new OpenSslServer(PeerProcess.Start("openssl s_server", openssl, arguments, PortIn, TimeSpan.FromSeconds(15)));
        }

        /// <summary>
        /// Waits until openssl has printed <paramref name="text"/>; false when it has not within
        /// <paramref name="timeout"/>, which only keeps a broken test from hanging.
        /// </summary>
        public bool WaitForOutput(string text, TimeSpan timeout) =>
            WaitForOutput(output => output.Contains(text, StringComparison.Ordinal), timeout);

        /// <summary>Waits until what openssl printed satisfies <paramref name="condition"/>; false when it does not within <paramref name="timeout"/>.</summary>
        public bool WaitForOutput(Func<string, bool> condition, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!condition(Output))
            {
                if (DateTime.UtcNow > deadline)
                {
                    return false;
                }

                Thread.Sleep(20);
            }

            return true;
        }

        public void Dispose() => _peer.Dispose();

        private static int? PortIn(string line)
        {
            var match = AcceptLine.Match(line);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }
    }
}
