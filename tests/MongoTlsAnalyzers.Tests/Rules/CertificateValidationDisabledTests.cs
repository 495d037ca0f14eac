using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule>;
using static MongoTlsAnalyzers.Tests.Rules.InsecureTlsCode;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA003: certificate validation disabled unconditionally.</summary>
    public sealed class CertificateValidationDisabledTests
    {
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

        /// <summary>A true read through a field or local assigned once from a constant: nothing can switch it, so MTA003, not MTA004.</summary>
        [Theory]
        [InlineData("{|#0:s.AllowInsecureTls = TrustAll|};")]
        [InlineData("var trust = true; {|#0:s.AllowInsecureTls = trust|};")]
        public async Task ATrueReadThroughAFieldAssignedOnceIsMta003(string body)
        {
            await Mta003.VerifyAsync(
                Code(body, "private static readonly bool TrustAll = true;"),
                Mta003.Diagnostic(RuleDescriptors.CertificateValidationDisabled).WithLocation(0).WithArguments("AllowInsecureTls = true"));
        }

        [Theory]
        [InlineData("var c = new MongoClient(\"mongodb+srv://app:<password>@cluster0.ab123.mongodb.net/?{|#0:tlsInsecure=true|}\");", "The option tlsInsecure=true")]
        [InlineData("var c = new MongoClient(\"mongodb://cluster0-shard-00-00.ab123.mongodb.net:27017/?ssl=true&{|#0:sslVerifyCertificate=false|}\");", "The option sslVerifyCertificate=false")]
        [InlineData("var t = MongoClientSettings.FromConnectionString(\"mongodb+srv://cluster0.ab123.mongodb.net/\"); {|#0:t.AllowInsecureTls = true|};", "AllowInsecureTls = true")]
        public async Task AtlasHostsGetTheAtlasWording(string body, string subject)
        {
            var host = body.Contains("+srv", System.StringComparison.Ordinal) ? "cluster0.ab123.mongodb.net" : "cluster0-shard-00-00.ab123.mongodb.net";
            await Mta003.VerifyAsync(
                Code(body),
                Mta003.Diagnostic(RuleDescriptors.CertificateValidationDisabledOnAtlas).WithLocation(0).WithMessage(
                    subject + " turns off server certificate validation for the Atlas cluster '" + host + "', whose certificate chains to a public root that the operating system already trusts, so remove it; " +
                    "a TLS handshake failure against Atlas (TLSV1_ALERT_INTERNAL_ERROR) usually means that this client's IP address is not on the cluster's IP access list"));
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
    }
}
