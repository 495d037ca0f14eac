using System.Linq;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta001 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule>;
using Mta002 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule>;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule>;
using Mta005 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule>;
using Mta006 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CaConfigurationRule>;
using Mta007 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TimeoutRule>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule>;
using Mta011 = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.ConnectionStringRejectedRule>;

namespace MongoTlsAnalyzers.Tests.Folding
{
    /// <summary>
    /// URIs assembled in one method (docs/architecture.md "Where the rules look"): a StringBuilder, a string local grown
    /// with +=, string.Concat and string.Join. Every URI-text rule reads the assembled text, and reports on the appended piece.
    /// </summary>
    public sealed class StringAssemblyTests
    {
        private static string Method(string body) => /* lang=c#-test */ $$"""
using System;
using System.Text;
using MongoDB.Driver;

class C
{
    private const int Timeout = 1000;
    private readonly bool _flag = DateTime.Now.Second > 30;

    MongoClient M(string host)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("var sb = new StringBuilder(\"mongodb://db.example.com/?ssl=true\"); sb.Append(\"&{|#0:sslVerifyCertificate=false|}\"); return new MongoClient(sb.ToString());", "The option sslVerifyCertificate=false")]
        [InlineData("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\").Append(\"&{|#0:tlsInsecure=true|}\"); return new MongoClient(sb.ToString());", "The option tlsInsecure=true")]
        [InlineData("var sb = new StringBuilder(); sb.Append(\"mongodb://\").Append(host).Append(\"/?tls=true\"); sb.Append(\"&{|#0:tlsInsecure=true|}\"); return new MongoClient(sb.ToString());", "The option tlsInsecure=true")]
        [InlineData("var uri = \"mongodb://db.example.com/?tls=true\"; uri += \"&{|#0:tlsInsecure=true|}\"; return new MongoClient(uri);", "The option tlsInsecure=true")]
        [InlineData("var uri = \"mongodb://db.example.com/?tls=true\"; uri = uri + \"&\" + \"{|#0:tlsInsecure=true|}\"; return new MongoClient(uri);", "The option tlsInsecure=true")]
        [InlineData("return new MongoClient(string.Concat(\"mongodb://db.example.com/?\", \"tls=true&\", \"{|#0:tlsInsecure=true|}\"));", "The option tlsInsecure=true")]
        [InlineData("return new MongoClient(string.Concat(\"mongodb://\", host, \"/?\", \"tls=true\", \"&{|#0:tlsInsecure=true|}\"));", "The option tlsInsecure=true")]
        [InlineData("return new MongoClient(string.Join(\"&\", \"mongodb://db.example.com/?tls=true\", \"{|#0:tlsInsecure=true|}\"));", "The option tlsInsecure=true")]
        [InlineData("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); if (_flag) { sb.Append(\"&{|#0:tlsInsecure=true|}\"); } return new MongoClient(sb.ToString());", "The option tlsInsecure=true")]
        public async Task AppendedOptionsCountForMta003(string body, string subject)
        {
            await Mta003.VerifyAsync(Method(body), Mta003.Diagnostic(RuleDescriptors.CertificateValidationDisabled).WithLocation(0).WithArguments(subject));
        }

        [Fact]
        public async Task AnInterpolatedAppendFoldsItsConstantHoles()
        {
            await Mta007.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); sb.Append({|#0:$\"&serverSelectionTimeoutMS={Timeout}\"|}); return new MongoClient(sb.ToString());"),
                Mta007.Diagnostic(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithMessage("The option serverSelectionTimeoutMS is 1 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s"));
        }

        [Fact]
        public async Task AppendFormatSubstitutesConstantArguments()
        {
            await Mta007.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); sb.AppendFormat({|#0:\"&connectTimeoutMS={0}&appName={1}\"|}, 0, host); return new MongoClient(sb.ToString());"),
                Mta007.Diagnostic(RuleDescriptors.TimeoutImmediateConnect).WithLocation(0).WithMessage("The option connectTimeoutMS is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of 30 s"));
        }

        [Fact]
        public async Task InsertAtTheEndAppends()
        {
            await Mta005.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://db.example.com/?\"); sb.Insert(26, \"{|#0:tlsAllowInvalidHostnames=true|}\"); return new MongoClient(sb.ToString());"),
                Mta005.Diagnostic(RuleDescriptors.IgnoredConnectionStringOption).WithLocation(0).WithArguments("tlsAllowInvalidHostnames", "host names are still validated"));
        }

        [Fact]
        public async Task CaOptionsAppendedAreMta006()
        {
            await Mta006.VerifyAsync(
                Method("var uri = \"mongodb://db.example.com/?tls=true\"; uri += \"&{|#0:tlsCAFile=/etc/ssl/ca.pem|}\"; return new MongoClient(uri);"),
                Mta006.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithArguments("tlsCAFile"));
        }

        [Fact]
        public async Task AppendedCredentialsAndHostsCountForMta001AndMta002()
        {
            await Mta001.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://\"); sb.Append({|#0:\"app:S3cretValue9@\"|}).Append(\"db.example.com\"); return new MongoClient(sb.ToString());"),
                Mta001.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(0).WithArguments("mongodb://app:****@db.example.com"));
            await Mta002.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://\"); sb.Append({|#0:\"db.example.com:27017\"|}).Append(\"/?tls=true\"); return new MongoClient(sb.ToString());"),
                Mta002.Diagnostic(RuleDescriptors.HardCodedConnectionString).WithLocation(0).WithArguments("db.example.com"));
        }

        [Fact]
        public async Task TlsOffAppendedTowardARemoteHostIsMta009()
        {
            await Mta009.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://db.example.com/?\"); sb.Append(\"{|#0:tls=false|}\"); return new MongoClient(sb.ToString());"),
                Mta009.Diagnostic(RuleDescriptors.TlsOffOptionForRemoteHost).WithLocation(0).WithArguments("tls", "false", "db.example.com"));
        }

        [Fact]
        public async Task Mta011ReadsTheAssembledTextNeverTheSchemeAlone()
        {
            await Mta011.VerifyAsync(
                Method("var sb = new StringBuilder(\"mongodb://\"); sb.Append({|#0:\"db.example.com\"|}).Append(\":99999\"); return new MongoClient(sb.ToString());"),
                Mta011.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0).WithArguments("a port is outside the range 1 to 65535", "use a port between 1 and 65535"));
            await Mta011.VerifyAsync(Method("var sb = new StringBuilder(\"mongodb://\"); sb.Append(host); return new MongoClient(sb.ToString());"));
        }

        [Fact]
        public async Task Mta011IsSilentWhenAPieceIsAppendedUnderACondition()
        {
            await Mta011.VerifyAsync(Method("var sb = new StringBuilder(\"mongodb://db.example.com\"); if (_flag) { sb.Append(\":99999\"); } return new MongoClient(sb.ToString());"));
        }

        [Theory]
        [InlineData("var sb = new StringBuilder(\"https://api.example.com/?ssl=true\"); sb.Append(\"&sslVerifyCertificate=false\"); return new MongoClient(host);")]
        [InlineData("var s = \"https://api.example.com/?tls=true\"; s += \"&tlsInsecure=true\"; return new MongoClient(host);")]
        [InlineData("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); var other = new StringBuilder(\"x\"); other.Append(\"&tlsInsecure=true\"); return new MongoClient(sb.ToString());")]
        [InlineData("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); sb.Clear(); sb.Append(\"https://x/?tlsInsecure=true\"); return new MongoClient(host);")]
        [InlineData("return new MongoClient(string.Join(\"&\", host, \"tlsInsecure=true\"));")]
        public async Task TheSameOptionsOnOtherBuildersAreSilent(string body)
        {
            await Mta003.VerifyAsync(Method(body));
        }

        [Fact]
        public async Task TenThousandAppendsAndSelfAppendsInLoopsDoNotThrow()
        {
            var appends = string.Concat(Enumerable.Repeat("sb.Append(\"&appName=x\"); ", 10_000));
            await Mta003.VerifyAsync(Method("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true\"); " + appends + "return new MongoClient(sb.ToString());"));
            await Mta003.VerifyAsync(Method("var s = \"mongodb://db.example.com/?tls=true\"; for (var i = 0; i < 100; i++) { s += s; s += \"&appName=a\"; } var sb = new StringBuilder(s); while (sb.Length < 10) { sb.Append(sb); } return new MongoClient(s);"));
            var big = new string('a', 1_000_000);
            await Mta003.VerifyAsync(Method("var sb = new StringBuilder(\"mongodb://db.example.com/?tls=true&appName=\"); sb.Append(\"" + big + "\"); return new MongoClient(sb.ToString());"));
        }
    }
}
