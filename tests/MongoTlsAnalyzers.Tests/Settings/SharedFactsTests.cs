using System;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Options;
using MongoTlsAnalyzers.Settings;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// The analyzers and the runtime helper share facts as documented values, never by reference (docs/architecture.md "Shared facts"):
    /// these tests keep the two copies equal.
    /// </summary>
    public sealed class SharedFactsTests
    {
        [Fact]
        public void TimeoutFloorsAreTheSame()
        {
            var analyzer = TimeoutFloors.Default;
            Assert.Equal(analyzer.ServerSelection, RecommendedTimeouts.ServerSelection);
            Assert.Equal(analyzer.Connect, RecommendedTimeouts.Connect);
            Assert.Equal(analyzer.Socket, RecommendedTimeouts.Socket);
            Assert.Equal(analyzer.WaitQueue, RecommendedTimeouts.WaitQueue);
            Assert.Equal(analyzer.HeartbeatInterval, RecommendedTimeouts.HeartbeatInterval);
        }

        [Theory]
        [InlineData("tlsCAFile")]
        [InlineData("TLSCAFILE")]
        [InlineData("sslCAFile")]
        [InlineData("ssl_ca_certs")]
        [InlineData("tls_ca_certs")]
        [InlineData("net.ssl.CAFile")]
        [InlineData("ssl-ca-cert")]
        [InlineData("tls ca file")]
        [InlineData("tlsCertificateKeyFile")]
        [InlineData("tlsAllowInvalidCertificates")]
        [InlineData("connectTimeoutMS")]
        [InlineData("caching")]
        public void CaOptionsAreRecognisedAlike(string name) =>
            Assert.Equal(IgnoredOptionFacts.IsCaOption(name), IgnoredConnectionStringOptions.IsCaOption(name));

        [Fact]
        public void EveryOptionTheHelperAdvisesOnIsOneTheAnalyzersReport()
        {
            foreach (var name in IgnoredConnectionStringOptions.Advice.Keys)
            {
                var uri = MongoUriParser.Parse("mongodb://h/?" + name + "=x", DriverProfile.V3)!;
                Assert.Contains(name, uri.UnknownOptionNames);
                var consequence = IgnoredOptionFacts.Describe(name, DriverProfile.V3, out _);
                // A specific explanation, not the generic one for unknown names.
                Assert.True(IgnoredOptionFacts.IsCaOption(name) || consequence != "it has no effect", name + ": " + consequence);
            }
        }
    }
}
