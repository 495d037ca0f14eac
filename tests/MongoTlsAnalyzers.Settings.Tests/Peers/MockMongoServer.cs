using System;
using System.Globalization;
using System.IO;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A MongoDB wire-protocol peer over TLS: tests/tools/mock-tls-server.js on Node.js, using the
    /// mongodb-mock-server package (installed into tests/tools by the build and by .ci/run). It answers the
    /// handshake with a 3.4-era hello, so a driver that gets through TLS reads a real reply and then reports the
    /// server as too old. It binds a port of its own and prints "listening PORT".
    /// </summary>
    public sealed class MockMongoServer : IDisposable
    {
        private readonly PeerProcess _peer;

        private MockMongoServer(PeerProcess peer) => _peer = peer;

        public int Port => _peer.Port;

        public string Output => _peer.Output;

        public static MockMongoServer Start(IssuedCertificate certificate)
        {
            var tools = TestRepository.Combine("tests", "tools");
            if (!Directory.Exists(Path.Combine(tools, "node_modules", "mongodb-mock-server")))
            {
                throw new InvalidOperationException("tests/tools/node_modules/mongodb-mock-server is missing; run 'npm ci --ignore-scripts' in tests/tools (the test build and .ci/run do).");
            }

            var node = PeerProcess.FindOnPath("node", "the real-TLS driver tests need Node.js.");
            var arguments = new[] { "mock-tls-server.js", "0", certificate.CertificatePemPath, certificate.KeyPemPath };
            var peer = PeerProcess.Start("the mock MongoDB server", node, arguments, PortIn, TimeSpan.FromSeconds(20), tools);
            return new MockMongoServer(peer);
        }

        public void Dispose() => _peer.Dispose();

        private static int? PortIn(string line) =>
            line.StartsWith("listening ", StringComparison.Ordinal) && int.TryParse(line.AsSpan("listening ".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                ? port
                : null;
    }
}
