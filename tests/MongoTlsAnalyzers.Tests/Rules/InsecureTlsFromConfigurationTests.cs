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

        /// <summary>Members the "any source" cases read: properties and fields of the class itself and of a type that is not named like options, and a method.</summary>
        private const string Members = """
public bool AllowInsecureTLS { get; set; }
    public bool SkipVerify;
    private bool _insecure;
    public void Configure(bool value) => _insecure = value;
    public void Reset() => _insecure = Compute();
    public bool Insecure => _insecure;
    static bool ShouldSkipVerification() => DateTime.Now.Second > 30;
    public static class Flags { public static bool TrustAnyCertificate { get; set; } }
""";

        [Theory]
        [InlineData("{|#0:s.AllowInsecureTls = AllowInsecureTLS|};", "AllowInsecureTls", "the property 'C.AllowInsecureTLS'")]
        [InlineData("{|#0:s.AllowInsecureTls = this.AllowInsecureTLS|};", "AllowInsecureTls", "the property 'C.AllowInsecureTLS'")]
        [InlineData("{|#0:s.AllowInsecureTls = SkipVerify|};", "AllowInsecureTls", "the field 'C.SkipVerify'")]
        [InlineData("{|#0:s.AllowInsecureTls = _insecure|};", "AllowInsecureTls", "the field 'C._insecure'")]
        [InlineData("{|#0:s.AllowInsecureTls = Insecure|};", "AllowInsecureTls", "the property 'C.Insecure'")]
        [InlineData("{|#0:s.AllowInsecureTls = Flags.TrustAnyCertificate|};", "AllowInsecureTls", "the property 'Flags.TrustAnyCertificate'")]
        [InlineData("{|#0:s.AllowInsecureTls = ShouldSkipVerification()|};", "AllowInsecureTls", "the result of 'C.ShouldSkipVerification()'")]
        [InlineData("{|#0:s.AllowInsecureTls = Compute()|};", "AllowInsecureTls", "the result of 'C.Compute()'")]
        [InlineData("#pragma warning disable CS0618\n        {|#0:s.VerifySslCertificate = !SkipVerify|};", "VerifySslCertificate", "the field 'C.SkipVerify'")]
        [InlineData("if (ShouldSkipVerification()) {|#0:s.AllowInsecureTls = true|};", "AllowInsecureTls = true", "the result of 'C.ShouldSkipVerification()'")]
        [InlineData("if (AllowInsecureTLS) {|#0:s.AllowInsecureTls = true|};", "AllowInsecureTls = true", "the property 'C.AllowInsecureTLS'")]
        [InlineData("var c = new MongoClient({|#0:$\"mongodb://db.example.com/?tls=true&tlsInsecure={SkipVerify}\"|});", "The option tlsInsecure", "the field 'C.SkipVerify'")]
        public async Task Mta004NamesAnySource(string body, string subject, string source)
        {
            await Mta004.VerifyAsync(Code(body, Members), Mta004.Diagnostic(RuleDescriptors.InsecureTlsFromCodeMember).WithLocation(0).WithArguments(subject, source));
            await Mta003.VerifyAsync(Code(body.Replace("{|#0:", string.Empty).Replace("|}", string.Empty), Members));
        }

        [Theory]
        [InlineData("class MongoConnectionOptions", "AllowInsecureTls is controlled by the option 'MongoConnectionOptions.AllowInsecureTLS'; a configuration change can then silently turn off certificate validation in production, so allow it only under a Development guard")]
        [InlineData("class MongoConnectionFactory", "AllowInsecureTls is controlled by the property 'MongoConnectionFactory.AllowInsecureTLS', which nothing ties to the Development environment; whatever sets it can then silently turn off certificate validation in production, so allow it only under a Development guard")]
        public async Task Mta004OnTheOptionsClassOwnProperty(string declaration, string message)
        {
            await Mta004.VerifyAsync(
                /* lang=c#-test */ $$"""

using MongoDB.Driver;

public {{declaration}}
{
    public string ConnectionString { get; set; } = "";
    public bool AllowInsecureTLS { get; set; }

    public MongoClientSettings Build()
    {
        var s = MongoClientSettings.FromConnectionString(ConnectionString);
        s.UseTls = true;
        {|#0:s.AllowInsecureTls = AllowInsecureTLS|};
        return s;
    }
}
""",
                Mta004.Diagnostic(RuleDescriptors.InsecureTlsFromConfiguration).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("s.AllowInsecureTls = DateTime.Now.Second > 30;")]
        [InlineData("s.AllowInsecureTls = bool.Parse(\"false\");")]
        [InlineData("s.AllowInsecureTls = Secure;")]
        [InlineData("s.AllowInsecureTls = _isDevelopment;")]
        [InlineData("var dev = env.IsDevelopment(); s.AllowInsecureTls = dev;")]
        [InlineData("s.AllowInsecureTls = IsLocal() && SkipVerify;")]
        [InlineData("var other = MongoClientSettings.FromConnectionString(cfg[\"Other\"]); s.AllowInsecureTls = other.AllowInsecureTls;")]
        [InlineData("if (UseCompression) s.AllowInsecureTls = true;")]
        public async Task Mta004StaysSilentOnConstantsGuardsAndTheDriver(string body)
        {
            const string members = """
private static readonly bool Secure = false;
    private readonly bool _isDevelopment;
    public bool SkipVerify;
    public bool UseCompression { get; set; }
    public C(IHostEnvironment host) { _isDevelopment = host.IsDevelopment(); }
    bool IsLocal() => _isDevelopment;
""";
            var options = new TestOptions { EditorConfig = "mongo_tls.development_guard_methods = C.IsLocal" };
            await Mta004.VerifyAsync(Code(body, members), options);
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
