using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>What the three insecure-TLS rules (MTA003, MTA004, MTA009) share: guarded and secure shapes, and test projects, are silent for all of them.</summary>
    public sealed class InsecureTlsSharedTests
    {
        /// <summary>Wraps statements in a class with the usual parameters: configuration, options, host environment.</summary>
        private static string Code(string body, string members = "") => /* lang=c#-test */ $$"""

using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;

public sealed class MongoOptions { public bool AllowInsecureTls { get; set; } public bool UseSsl { get; set; } public string Thumbprint { get; set; } = ""; }

public class C
{
    {{members}}
    static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;
    static bool Compute() => DateTime.Now.Second > 30;

    public object M(IConfiguration cfg, IOptions<MongoOptions> options, IHostEnvironment env, bool allowInsecure)
    {
        var opts = options.Value;
        var s = MongoClientSettings.FromConnectionString(cfg["Mongo"]);
        {{body}}
        return s;
    }
}
""";

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
