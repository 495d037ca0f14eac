using System.IO;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>The test peers clean up after themselves: no private key is left on disk, no port is guessed.</summary>
    public sealed class PeerHygieneTests
    {
        [Fact]
        public void GeneratedCertificatesAndKeysAreDeletedOnDispose()
        {
            var certificates = new TestCertificates();
            var key = certificates.Server.KeyPemPath;
            Assert.True(File.Exists(key));
            certificates.Dispose();
            Assert.False(File.Exists(key));
            Assert.False(Directory.Exists(certificates.Directory));
        }

        [Fact]
        public void TwoPeersStartedTogetherBindDifferentPortsOfTheirOwn()
        {
            using var certificates = new TestCertificates();
            using var first = OpenSslServer.Start(certificates.Server);
            using var second = OpenSslServer.Start(certificates.Server);
            Assert.NotEqual(first.Port, second.Port);
            Assert.Contains("ACCEPT 127.0.0.1:" + first.Port, first.Output, System.StringComparison.Ordinal);
        }
    }
}
