using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA004: insecure TLS switched on by a value from configuration, options, the environment or a parameter.</summary>
    public sealed class InsecureTlsFromConfigurationTests
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
        [InlineData("{|#0:s.AllowInsecureTls = cfg.GetValue<bool>(\"Mongo:AllowInsecureTls\")|};", "AllowInsecureTls", "the configuration key 'Mongo:AllowInsecureTls'")]
        [InlineData("{|#0:s.AllowInsecureTls = cfg.GetSection(\"Mongo\").GetValue<bool>(\"Insecure\")|};", "AllowInsecureTls", "the configuration key 'Mongo:Insecure'")]
        [InlineData("{|#0:s.AllowInsecureTls = bool.Parse(cfg[\"Mongo:AllowInsecureTls\"] ?? \"false\")|};", "AllowInsecureTls", "the configuration key 'Mongo:AllowInsecureTls'")]
        [InlineData("{|#0:s.AllowInsecureTls = options.Value.AllowInsecureTls|};", "AllowInsecureTls", "the option 'MongoOptions.AllowInsecureTls'")]
        [InlineData("{|#0:s.AllowInsecureTls = Environment.GetEnvironmentVariable(\"MONGO_INSECURE\") == \"true\"|};", "AllowInsecureTls", "the environment variable 'MONGO_INSECURE'")]
        [InlineData("{|#0:s.AllowInsecureTls = allowInsecure|};", "AllowInsecureTls", "the parameter 'allowInsecure'")]
        [InlineData("#pragma warning disable CS0618\n        {|#0:s.VerifySslCertificate = !cfg.GetValue<bool>(\"Mongo:SkipVerify\")|};", "VerifySslCertificate", "the configuration key 'Mongo:SkipVerify'")]
        [InlineData("if (opts.AllowInsecureTls) {|#0:s.AllowInsecureTls = true|};", "AllowInsecureTls = true", "the option 'MongoOptions.AllowInsecureTls'")]
        [InlineData("if (cfg.GetValue<bool>(\"Mongo:SkipCertificateValidation\")) s.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:(a, b, c, d) => true|} };", "A certificate validation callback that accepts every certificate", "the configuration key 'Mongo:SkipCertificateValidation'")]
        [InlineData("var insecure = cfg.GetValue<bool>(\"Mongo:Insecure\"); {|#0:s.AllowInsecureTls = insecure|};", "AllowInsecureTls", "the configuration key 'Mongo:Insecure'")]
        public async Task Mta004NamesWhereTheValueComesFrom(string body, string subject, string source)
        {
            await Mta004.VerifyAsync(Code(body), Mta004.Diagnostic(RuleDescriptors.InsecureTlsFromConfiguration).WithLocation(0).WithArguments(subject, source));
            await Mta003.VerifyAsync(Code(body.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
        }

        [Fact]
        public async Task Mta004IgnoresValuesOfUnknownOrigin()
        {
            await Mta004.VerifyAsync(Code("s.AllowInsecureTls = Compute();"));
        }

        [Theory]
        [InlineData("{|#0:s.AllowInsecureTls = env.IsDevelopment() || opts.AllowInsecureTls|};", "AllowInsecureTls", "the option 'MongoOptions.AllowInsecureTls'")]
        [InlineData("var c = new MongoClient({|#0:$\"mongodb://db.example.com/?tls=true&tlsInsecure={cfg[\"Mongo:Insecure\"]}\"|});", "The option tlsInsecure", "the configuration key 'Mongo:Insecure'")]
        public async Task Mta004FindsTheRealSource(string body, string subject, string source)
        {
            await Mta004.VerifyAsync(Code(body), Mta004.Diagnostic(RuleDescriptors.InsecureTlsFromConfiguration).WithLocation(0).WithArguments(subject, source));
        }
    }
}
