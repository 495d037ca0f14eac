using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class IgnoredOptionTests
    {
        [Theory]
        [InlineData("tlsAllowInvalidCertificates=true", "tlsAllowInvalidCertificates", "certificates are still validated; to trust a private CA, validate against that CA instead of turning validation off")]
        [InlineData("tlsAllowInvalidHostnames=true", "tlsAllowInvalidHostnames", "host names are still validated")]
        [InlineData("tlsCertificateKeyFile=/etc/client.pem", "tlsCertificateKeyFile", "no client certificate is sent; add the certificate to SslSettings.ClientCertificates")]
        [InlineData("tlsCertificateKeyFilePassword=x", "tlsCertificateKeyFilePassword", "it has no effect, because the .NET driver does not read client certificates from the connection string")]
        [InlineData("tlsDisableOCSPEndpointCheck=true", "tlsDisableOCSPEndpointCheck", "revocation checking is unchanged; tlsDisableCertificateRevocationCheck is the option the .NET driver reads")]
        [InlineData("timeoutMS=5000", "timeoutMS", "no per-operation timeout is set, because released .NET drivers do not read timeoutMS")]
        [InlineData("connectionTimeout=5000", "connectionTimeout", "it has no effect; did you mean connectTimeoutMS?")]
        [InlineData("conectTimeoutMS=5000", "conectTimeoutMS", "it has no effect; did you mean connectTimeoutMS?")]
        [InlineData("socket_timeout_ms=5000", "socket_timeout_ms", "it has no effect; did you mean socketTimeoutMS?")]
        [InlineData("replSet=rs0", "replSet", "it has no effect; did you mean replicaSet?")]
        [InlineData("retryWrite=true", "retryWrite", "it has no effect; did you mean retryWrites?")]
        [InlineData("foo=bar", "foo", "it has no effect")]
        [InlineData("compressors=zlib,lz4", "compressors", "a compressor it names is not supported (the .NET driver knows zlib, snappy, zstd and noop), so it is not used")]
        public async Task ReportsWhatActuallyHappens(string option, string name, string consequence)
        {
            await Verify.VerifyAsync(
                $"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://localhost/?{{|#0:{option}|}}\"); }}",
                Verify.Diagnostic(RuleDescriptors.IgnoredConnectionStringOption).WithLocation(0).WithArguments(name, consequence));
        }

        [Fact]
        public async Task NeverSuggestsAnInsecureOption()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?{|#0:tlsInsecur=true|}\"); }",
                Verify.Diagnostic(RuleDescriptors.IgnoredConnectionStringOption).WithLocation(0).WithArguments("tlsInsecur", "it has no effect"));
        }

        [Fact]
        public async Task DriverLineDecidesWhatIsKnown()
        {
            const string source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?{|#0:uuidRepresentation=standard|}\"); }";
            await Verify.VerifyAsync(
                source,
                new TestOptions { Drivers = new[] { DriverVersion.V3 } },
                Verify.Diagnostic(RuleDescriptors.IgnoredConnectionStringOption).WithLocation(0).WithArguments("uuidRepresentation", "driver 3.0 removed it; register a GuidSerializer with the representation you need"));
            await Verify.VerifyAsync(source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), new TestOptions { Drivers = new[] { DriverVersion.V2 } });
        }

        [Fact]
        public async Task KnownOptionsAnyCaseAreSilent()
        {
            await Verify.VerifyAsync("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?CONNECTTIMEOUTMS=5000&tls=true&TlsInsecure=false&retryWrites=true&w=majority&appName=x&compressors=zstd\"); }");
        }

        [Fact]
        public async Task CaOptionsAreLeftToMta006()
        {
            await Verify.VerifyAsync("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?tlsCAFile=/ca.pem&ssl_ca_certs=/ca.pem&net.ssl.CAFile=/ca.pem&sslCAFile=/ca.pem&tls_ca_certs=/x\"); }");
        }

        [Fact]
        public async Task EachOccurrenceIsReportedAndSpansAreNarrowed()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("mongodb://localhost/?{|MTA005:foo=1|}&tls=true;{|MTA005:FOO=2|}");
    object N() => new MongoClient(@"mongodb://localhost/?appName=""&{|MTA005:foo=1|}");
}
""");
        }

        [Fact]
        public async Task InterpolatedAndConcatenatedStringsAreReportedOnTheStringThatHoldsTheOption()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    const string Options = "?{|MTA005:timeoutMS=100|}";
    object M(string host, int port) => new MongoClient({|MTA005:$"mongodb://{host}:{port}/app?tlsAllowInvalidHostnames=true"|});
    object N(string host) => new MongoClient("mongodb://" + host + "/app" + Options);
}
""");
        }

        [Fact]
        public async Task MalformedStringsAreLeftAlone()
        {
            // The driver throws on these, so nothing is silently ignored.
            await Verify.VerifyAsync("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost:99999/?foo=bar\"); object N() => new MongoClient(\"mongodb://h/?foo=bar&connectTimeoutMS=abc\"); }");
        }

        [Fact]
        public async Task FiresInTestProjects()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?{|MTA005:tlsAllowInvalidCertificates=true|}\"); }",
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
        }
    }
}
