using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule>;
using static MongoTlsAnalyzers.Tests.Rules.InsecureTlsCode;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA004: insecure TLS switched on by a value from configuration, options, the environment or a parameter.</summary>
    public sealed class InsecureTlsFromConfigurationTests
    {
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
