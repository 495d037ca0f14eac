using System;
using System.IO;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// A MongoDB wire-protocol peer over TLS: tests/tools/mock-tls-server.js on Node.js, using the
    /// mongodb-mock-server package (installed into tests/tools by .ci/run). It answers the handshake with a
    /// 3.4-era hello, so a driver that gets through TLS reads a real reply and then reports the server as too old.
    /// </summary>
    public sealed class MockMongoServer : IDisposable
    {
        private readonly PeerProcess _peer;

        private MockMongoServer(PeerProcess peer) => _peer = peer;

        public int Port => _peer.Port;

        public static MockMongoServer Start(IssuedCertificate certificate)
        {
            var tools = RepositoryPaths.Combine("tests", "tools");
            if (!Directory.Exists(Path.Combine(tools, "node_modules", "mongodb-mock-server")))
            {
                throw new InvalidOperationException("tests/tools/node_modules/mongodb-mock-server is missing; run 'npm install --ignore-scripts' in tests/tools (.ci/run does).");
            }

            var node = PeerProcess.FindOnPath("node", "the real-TLS driver tests need Node.js.");
            var port = PeerProcess.FreePort();
            var arguments = new[] { "mock-tls-server.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture), certificate.CertificatePemPath, certificate.KeyPemPath };
            var peer = PeerProcess.Start(
                "the mock MongoDB server",
                node,
                arguments,
                port,
                p => p.Output.Contains("listening", StringComparison.Ordinal),
                TimeSpan.FromSeconds(20),
                tools);
            return new MockMongoServer(peer);
        }

        public void Dispose() => _peer.Dispose();
    }
}
