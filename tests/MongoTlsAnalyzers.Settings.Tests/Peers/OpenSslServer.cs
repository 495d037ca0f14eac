using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A real TLS peer that we did not write: <c>openssl s_server</c> on a loopback port it binds itself, serving
    /// one certificate. It speaks TLS and then HTTP, not the MongoDB protocol, so a client that gets past the
    /// handshake fails on the first reply instead: the difference between the two failures is what the tests read.
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
        public static OpenSslServer Start(IssuedCertificate certificate, string? chainPemPath = null, params string[] extraArguments)
        {
            var openssl = PeerProcess.FindOnPath("openssl", "the real-TLS tests need it (.ci/run installs it).");
            // Port 0: openssl binds a free port and prints "ACCEPT 127.0.0.1:<port>" (not with -quiet, which hides it).
            var arguments = new List<string> { "s_server", "-accept", "127.0.0.1:0", "-cert", certificate.CertificatePemPath, "-key", certificate.KeyPemPath, "-www" };
            if (chainPemPath is not null)
            {
                arguments.Add("-cert_chain");
                arguments.Add(chainPemPath);
            }

            arguments.AddRange(extraArguments);
            return new OpenSslServer(PeerProcess.Start("openssl s_server", openssl, arguments, PortIn, TimeSpan.FromSeconds(15)));
        }

        public void Dispose() => _peer.Dispose();

        private static int? PortIn(string line)
        {
            var match = AcceptLine.Match(line);
            return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        }
    }
}
