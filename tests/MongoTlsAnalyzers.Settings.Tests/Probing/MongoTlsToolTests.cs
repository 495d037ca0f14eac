using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Settings.Tests.Peers;
using MongoTlsAnalyzers.Tool;

namespace MongoTlsAnalyzers.Settings.Tests.Probing
{
    /// <summary>The mongo-tls command line: exit codes, the JSON report's schema, the human report, no password.</summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class MongoTlsToolTests
    {
        private const string Secret = "S3cret-Passw0rd";

        private readonly TestCertificates _certificates;

        public MongoTlsToolTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public async Task APassingHostExitsZeroAndTheJsonFollowsTheSchema()
        {
            using var server = OpenSslServer.Start(_certificates.Server);
            var (exit, output) = await Run("probe", $"mongodb://app:{Secret}@localhost:{server.Port}/?tls=true", "--ca", _certificates.CaPemPath, "--json", "--timeout", "3");
            Assert.Equal(0, exit);
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            Assert.Equal(
                new[] { "schema", "connectionString", "tlsExpected", "passed", "dns", "failure", "hosts" },
                root.EnumerateObject().Select(p => p.Name));
            Assert.Equal("mongo-tls-probe/1", root.GetProperty("schema").GetString());
            Assert.Equal($"mongodb://app:****@localhost:{server.Port}/?tls=true", root.GetProperty("connectionString").GetString());
            var host = root.GetProperty("hosts")[0];
            Assert.Equal(
                new[] { "host", "port", "address", "passed", "tcpConnectMilliseconds", "tls", "certificates", "hostNameMatches", "systemStore", "ca", "hello", "helloNote", "failure" },
                host.EnumerateObject().Select(p => p.Name));
            Assert.Equal("Tls13", host.GetProperty("tls").GetProperty("protocol").GetString());
            Assert.Equal(CustomCaCertificateValidator.PinOf(_certificates.Server.Certificate), host.GetProperty("certificates")[0].GetProperty("publicKeySha256").GetString());
            Assert.True(host.GetProperty("ca").GetProperty("valid").GetBoolean());
            Assert.Equal("UntrustedRoot", host.GetProperty("systemStore").GetProperty("reason").GetString());
            Assert.Equal(JsonValueKind.Null, host.GetProperty("failure").ValueKind);
        }

        [Fact]
        public async Task AFailingHostExitsOneWithTheExplanationAndNextStepInWords()
        {
            using var server = OpenSslServer.Start(_certificates.Expired);
            var (exit, output) = await Run("probe", $"mongodb://app:{Secret}@localhost:{server.Port}/?tls=true", "--ca", _certificates.CaPemPath, "--timeout", "3");
            Assert.Equal(1, exit);
            Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
            Assert.Contains($"localhost:{server.Port} (127.0.0.1)  FAIL", output, StringComparison.Ordinal);
            Assert.Contains("  Problem (expired): The server certificate 'CN=localhost' expired on ", output, StringComparison.Ordinal);
            Assert.Contains("  Next step: Renew the server's certificate; the client cannot fix this.", output, StringComparison.Ordinal);
            Assert.Contains("pin (Tls:PinnedPublicKeySha256) " + CustomCaCertificateValidator.PinOf(_certificates.Expired.Certificate), output, StringComparison.Ordinal);
            Assert.EndsWith("FAIL: see the explanation above." + Environment.NewLine, output, StringComparison.Ordinal);
        }

        [Fact]
        public async Task ColoursOnlyWhenAsked()
        {
            using var server = OpenSslServer.Start(_certificates.Server);
            var output = new StringWriter();
            var exit = await MongoTlsCommandLine.RunAsync(new[] { "probe", $"mongodb://localhost:{server.Port}/?tls=true", "--ca", _certificates.CaPemPath, "--timeout", "3" }, output, colour: true);
            Assert.Equal(0, exit);
            Assert.Contains("\u001b[32mPASS\u001b[0m", output.ToString(), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("--resolve", "localhost:27017", "--resolve 'localhost:27017' is not host:port:address.")]
        [InlineData("--ca", "/no/such/ca.pem", "--ca: the file '/no/such/ca.pem' does not exist.")]
        public async Task UsageErrorsExitTwo(string option, string value, string expected)
        {
            var (exit, output) = await Run("probe", "mongodb://localhost/?tls=true", option, value);
            Assert.Equal(2, exit);
            Assert.Equal(expected, output.Trim());
        }

        private static async Task<(int Exit, string Output)> Run(params string[] args)
        {
            var output = new StringWriter();
            var exit = await MongoTlsCommandLine.RunAsync(args, output, colour: false);
            return (exit, output.ToString());
        }
    }
}
