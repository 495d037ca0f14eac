using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledAnalyzer>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationAnalyzer>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsAnalyzer>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class InsecureTlsTests
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
        [InlineData("{|#0:s.AllowInsecureTls = true|};", "AllowInsecureTls = true")]
        [InlineData("var b = new MongoUrlBuilder(\"mongodb://db.example.com/?tls=true\") { {|#0:AllowInsecureTls = true|} };", "AllowInsecureTls = true")]
        [InlineData("var t = new MongoClientSettings { UseTls = true, {|#0:AllowInsecureTls = true|} };", "AllowInsecureTls = true")]
        [InlineData("#pragma warning disable CS0618\n        {|#0:s.VerifySslCertificate = false|};", "VerifySslCertificate = false")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?tls=true&{|#0:tlsInsecure=true|}\");", "The option tlsInsecure=true")]
        [InlineData("var c = new MongoClient(\"mongodb+srv://cluster0.example.net/?{|#0:TLSINSECURE=TRUE|}\");", "The option TLSINSECURE=TRUE")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?ssl=true&{|#0:sslVerifyCertificate=false|}\");", "The option sslVerifyCertificate=false")]
        [InlineData("var u = MongoClientSettings.FromConnectionString(\"mongodb://db.example.com/?{|#0:tlsInsecure=true|}\"); u.UseTls = true;", "The option tlsInsecure=true")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:(a, b, c, d) => true|} };", "A certificate validation callback that accepts every certificate")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:delegate { return true; }|} };", "A certificate validation callback that accepts every certificate")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:AcceptAll|} };", "A certificate validation callback that accepts every certificate")]
        [InlineData("s.SslSettings = new SslSettings { ServerCertificateValidationCallback = new RemoteCertificateValidationCallback({|#0:(a, b, c, d) => { Console.WriteLine(d); return true; }|}) };", "A certificate validation callback that accepts every certificate")]
        [InlineData("s.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(serverCertificateValidationCallback: new RemoteCertificateValidationCallback({|#0:(a, b, c, d) => true|})));", "A certificate validation callback that accepts every certificate")]
        [InlineData("if (opts.UseSsl) { {|#0:s.AllowInsecureTls = true|}; }", "AllowInsecureTls = true")]
        [InlineData("if (env.IsDevelopment()) { } {|#0:s.AllowInsecureTls = true|};", "AllowInsecureTls = true")]
        public async Task Mta003FiresOnUnconditionalInsecureSettings(string body, string subject)
        {
            await Mta003.VerifyAsync(Code(body), Mta003.Diagnostic(RuleDescriptors.CertificateValidationDisabled).WithLocation(0).WithArguments(subject));
        }

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
        [InlineData("var t = new MongoClientSettings { {|#0:AllowInsecureTls = true|} };", "AllowInsecureTls = true does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead")]
        [InlineData("var c = new MongoClient(\"mongodb://10.0.0.5/?{|#0:tlsInsecure=true|}\");", "The option tlsInsecure=true does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead")]
        [InlineData("var t = new MongoClientSettings { SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:(a, b, c, d) => true|} } };", "A certificate validation callback that accepts every certificate does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead")]
        [InlineData("var t = new MongoClientSettings { UseTls = false, {|#0:AllowInsecureTls = cfg.GetValue<bool>(\"Mongo:Insecure\")|} };", "AllowInsecureTls does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead")]
        [InlineData("var t = new MongoClientSettings { Server = new MongoServerAddress(\"db.example.com\") }; {|#0:t.UseTls = false|};", "UseTls = false turns TLS off for the remote host 'db.example.com', so credentials and data cross the network in plaintext; set it to true")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?{|#0:tls=false|}\");", "The option tls=false turns TLS off for the remote host 'db.example.com', so credentials and data cross the network in plaintext; use tls=true")]
        [InlineData("var c = new MongoClient(\"mongodb://localhost,db2.example.com/?{|#0:ssl=false|}\");", "The option ssl=false turns TLS off for the remote host 'db2.example.com', so credentials and data cross the network in plaintext; use tls=true")]
        [InlineData("var c = new MongoClient(\"mongodb+srv://cluster0.example.net/?{|#0:tls=false|}\");", "The option tls=false turns off TLS on a mongodb+srv connection, which hosted clusters such as MongoDB Atlas require; remove it")]
        public async Task Mta009FiresWhenTlsIsOff(string body, string message)
        {
            await Mta009.VerifyAsync(Code(body), Mta009.Diagnostic(RuleDescriptors.TlsSettingsWithoutTls).WithLocation(0).WithArguments(message));
            await Mta003.VerifyAsync(Code(body.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
        }

        [Fact]
        public async Task Mta009ReportsEachTlsOnlySettingAndTheExplicitOff()
        {
            await Mta009.VerifyAsync(Code(/* lang=c#-test */ """
var u = MongoClientSettings.FromConnectionString("mongodb://db.example.com/?{|MTA009:tls=false|}&{|MTA009:tlsInsecure=true|}");
        {|MTA009:u.AllowInsecureTls = true|};
"""));
        }

        [Theory]
        [InlineData("var c = new MongoClient(\"mongodb://localhost/?tls=false\");")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?tls=true\");")]
        [InlineData("s.UseTls = false;")]
        [InlineData("var t = new MongoClientSettings { UseTls = false };")]
        [InlineData("var t = MongoClientSettings.FromConnectionString(cfg[\"Mongo\"]); t.UseTls = false;")]
        [InlineData("var c = new MongoClient($\"mongodb://{cfg[\"Host\"]}/?tls=false\");")]
        public async Task Mta009IsSilentWhenTheHostIsUnknownOrLocal(string body)
        {
            await Mta009.VerifyAsync(Code(body));
        }

        [Fact]
        public async Task SilentInTestProjectsByDefault()
        {
            var options = new TestOptions { GlobalConfig = "build_property.IsTestProject = true" };
            await Mta003.VerifyAsync(Code("s.AllowInsecureTls = true;"), options);
            await Mta004.VerifyAsync(Code("s.AllowInsecureTls = allowInsecure;"), options);
            await Mta009.VerifyAsync(Code("var c = new MongoClient(\"mongodb://db.example.com/?tls=false\");"), options);
        }
    
        [Theory]
        [InlineData("var t = new MongoClientSettings { {|#0:AllowInsecureTls = true|}, UseTls = true };", "AllowInsecureTls = true")]
        [InlineData("var t = new MongoClientSettings(); {|#0:t.AllowInsecureTls = true|}; t.UseTls = true;", "AllowInsecureTls = true")]
        [InlineData("var t = new MongoClientSettings(); t.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(serverCertificateValidationCallback: new RemoteCertificateValidationCallback({|#0:(a, b, c, d) => true|})));", "A certificate validation callback that accepts every certificate")]
        [InlineData("{|#0:s.AllowInsecureTls = env.IsDevelopment() ? false : true|};", "AllowInsecureTls outside Development")]
        public async Task TlsStateIsTheOneTheDriverSeesWhenItConnects(string body, string subject)
        {
            await Mta003.VerifyAsync(Code(body), Mta003.Diagnostic(RuleDescriptors.CertificateValidationDisabled).WithLocation(0).WithArguments(subject));
            await Mta009.VerifyAsync(Code(body.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
        }

        [Theory]
        [InlineData("{|#0:s.AllowInsecureTls = env.IsDevelopment() || opts.AllowInsecureTls|};", "AllowInsecureTls", "the option 'MongoOptions.AllowInsecureTls'")]
        [InlineData("var c = new MongoClient({|#0:$\"mongodb://db.example.com/?tls=true&tlsInsecure={cfg[\"Mongo:Insecure\"]}\"|});", "The option tlsInsecure", "the configuration key 'Mongo:Insecure'")]
        public async Task Mta004FindsTheRealSource(string body, string subject, string source)
        {
            await Mta004.VerifyAsync(Code(body), Mta004.Diagnostic(RuleDescriptors.InsecureTlsFromConfiguration).WithLocation(0).WithArguments(subject, source));
        }

        [Fact]
        public async Task ExplicitTlsOffUnderAGuardIsSilent()
        {
            await Mta009.VerifyAsync(Code("if (env.IsDevelopment()) { var c = new MongoClient(\"mongodb://db.example.com/?tls=false\"); var t = new MongoClientSettings { Server = new MongoServerAddress(\"db.example.com\") }; t.UseTls = false; }"));
        }
    }
}
