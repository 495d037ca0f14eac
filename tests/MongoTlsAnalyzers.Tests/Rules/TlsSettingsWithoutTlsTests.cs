using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule>;
using static MongoTlsAnalyzers.Tests.Rules.InsecureTlsCode;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA009: TLS settings on a connection whose TLS is off, and TLS turned off for a remote host.</summary>
    public sealed class TlsSettingsWithoutTlsTests
    {
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
            await Mta009.VerifyAsync(Code(body), Mta009.Diagnostic(RuleDescriptors.TlsSettingsWithoutTls).WithLocation(0).WithMessage(message));
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
        public async Task ExplicitTlsOffUnderAGuardIsSilent()
        {
            await Mta009.VerifyAsync(Code("if (env.IsDevelopment()) { var c = new MongoClient(\"mongodb://db.example.com/?tls=false\"); var t = new MongoClientSettings { Server = new MongoServerAddress(\"db.example.com\") }; t.UseTls = false; }"));
        }
    }
}
