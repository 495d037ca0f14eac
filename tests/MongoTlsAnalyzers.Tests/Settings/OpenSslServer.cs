using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// A real TLS peer that we did not write: <c>openssl s_server</c> on a loopback port, serving one certificate.
    /// It speaks TLS and then HTTP, not the MongoDB protocol, so a client that gets past the handshake fails on
    /// the first reply instead: the difference between the two failures is what the tests read.
    /// </summary>
    public sealed class OpenSslServer : IDisposable
    {
        private readonly PeerProcess _peer;

        private OpenSslServer(PeerProcess peer) => _peer = peer;

        public int Port => _peer.Port;

        /// <summary>Serves <paramref name="certificate"/>, followed by the certificates in <paramref name="chainPemPath"/> when given.</summary>
        public static OpenSslServer Start(IssuedCertificate certificate, string? chainPemPath = null)
        {
            var openssl = PeerProcess.FindOnPath("openssl", "the real-TLS tests need it (.ci/run installs it).");
            var port = PeerProcess.FreePort();
            var arguments = new List<string> { "s_server", "-accept", "127.0.0.1:" + port, "-cert", certificate.CertificatePemPath, "-key", certificate.KeyPemPath, "-www", "-quiet" };
            if (chainPemPath is not null)
            {
                arguments.Add("-cert_chain");
                arguments.Add(chainPemPath);
            }

            return new OpenSslServer(PeerProcess.Start("openssl s_server", openssl, arguments, port, PeerProcess.AcceptsConnections, TimeSpan.FromSeconds(15)));
        }

        public void Dispose() => _peer.Dispose();
    }
}
