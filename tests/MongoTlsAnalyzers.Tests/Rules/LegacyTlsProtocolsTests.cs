using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.LegacyTlsProtocolsRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class LegacyTlsProtocolsTests
    {
        private static string Code(string body) => /* lang=c#-test */ $$"""

#pragma warning disable CS0618, SYSLIB0039
using System.Security.Authentication;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
class C
{
    const SslProtocols Legacy = SslProtocols.Tls11;
    void M(MongoClientSettings settings)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("settings.SslSettings = new SslSettings { {|#0:EnabledSslProtocols = SslProtocols.Tls | SslProtocols.Tls12|} };", "EnabledSslProtocols", "TLS 1.0")]
        [InlineData("var s = new SslSettings(); {|#0:s.EnabledSslProtocols = (SslProtocols)960|};", "EnabledSslProtocols", "TLS 1.0 and TLS 1.1")]
        [InlineData("var s = new SslSettings(); {|#0:s.EnabledSslProtocols = SslProtocols.Ssl3 | SslProtocols.Tls12|};", "EnabledSslProtocols", "SSL 3.0")]
        [InlineData("var s = new SslSettings(); {|#0:s.EnabledSslProtocols = Legacy|};", "EnabledSslProtocols", "TLS 1.1")]
        [InlineData("var s = new SslSettings(); {|#0:s.EnabledSslProtocols = SslProtocols.Default|};", "EnabledSslProtocols", "SSL 3.0 and TLS 1.0")]
        [InlineData("settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With({|#0:enabledProtocols: SslProtocols.Tls11 | SslProtocols.Tls12|}));", "SslStreamSettings enabledProtocols", "TLS 1.1")]
        public async Task ReportsLegacyProtocols(string body, string subject, string protocols)
        {
            await Verify.VerifyAsync(Code(body), Verify.Diagnostic(RuleDescriptors.LegacyTlsProtocols).WithLocation(0).WithArguments(subject, protocols));
        }

        [Theory]
        [InlineData("var s = new SslSettings { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };")]
        [InlineData("var s = new SslSettings { EnabledSslProtocols = SslProtocols.None };")]
        [InlineData("var s = new SslSettings { EnabledSslProtocols = (SslProtocols)3072 };")]
        [InlineData("settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(checkCertificateRevocation: true));")]
        public async Task SilentForModernProtocols(string body)
        {
            await Verify.VerifyAsync(Code(body));
        }

        [Fact]
        public async Task FiresInTestProjects()
        {
            await Verify.VerifyAsync(
                Code("var s = new SslSettings { {|MTA010:EnabledSslProtocols = SslProtocols.Tls|} };"),
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
        }
    }
}
