using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule>;
using static MongoTlsAnalyzers.Tests.Rules.InsecureTlsCode;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>What the three insecure-TLS rules (MTA003, MTA004, MTA009) share: guarded and secure shapes, and test projects, are silent for all of them.</summary>
    public sealed class InsecureTlsSharedTests
    {
        [Theory]
        [InlineData("if (env.IsDevelopment()) s.AllowInsecureTls = true;")]
        [InlineData("if (!env.IsDevelopment()) return s; s.AllowInsecureTls = true;")]
        [InlineData("s.AllowInsecureTls = env.IsDevelopment();")]
        [InlineData("s.AllowInsecureTls = env.IsDevelopment() && cfg.GetValue<bool>(\"Mongo:Insecure\");")]
        [InlineData("if (env.IsDevelopment()) s.SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => true };")]
        [InlineData("if (env.IsDevelopment()) { s.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(serverCertificateValidationCallback: new RemoteCertificateValidationCallback((a, b, c, d) => true))); }")]
        [InlineData("var c = new MongoClient(env.IsDevelopment() ? \"mongodb://localhost/?tls=true&tlsInsecure=true\" : cfg[\"Mongo\"]);")]
        [InlineData("s.AllowInsecureTls = false;")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => d == SslPolicyErrors.None };")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, cert, c, d) => cert!.GetCertHashString() == opts.Thumbprint };")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => { if (d == SslPolicyErrors.None) return true; return false; } };")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?tls=true&tlsInsecure=false\");")]
        [InlineData("#if DEBUG\n        s.AllowInsecureTls = true;\n#endif")]
        public async Task GuardedAndSecureShapesAreSilent(string body)
        {
            var options = new TestOptions { PreprocessorSymbols = new[] { "DEBUG" } };
            await Mta003.VerifyAsync(Code(body), options);
            await Mta004.VerifyAsync(Code(body), options);
            await Mta009.VerifyAsync(Code(body), options);
        }

        [Fact]
        public async Task SilentInTestProjectsByDefault()
        {
            var options = new TestOptions { GlobalConfig = "build_property.IsTestProject = true" };
            await Mta003.VerifyAsync(Code("s.AllowInsecureTls = true;"), options);
            await Mta004.VerifyAsync(Code("s.AllowInsecureTls = allowInsecure;"), options);
            await Mta009.VerifyAsync(Code("var c = new MongoClient(\"mongodb://db.example.com/?tls=false\");"), options);
        }
    }
}
