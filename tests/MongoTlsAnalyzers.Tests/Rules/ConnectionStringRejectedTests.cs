using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.ConnectionStringRejectedRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA011: a connection string the driver rejects, on both driver lines, with exact spans.</summary>
    public sealed class ConnectionStringRejectedTests
    {
        private const string Rejected = "The MongoDB driver rejects this connection string, so the application fails when it starts: {0}; {1}";

        private static string Uri(string literal) => "using MongoDB.Driver; class C { object M() => new MongoClient(" + literal + "); }";

        [Theory]
        [InlineData("mongodb://{|#0:user:p@ss|}@db.example.com/app", "'@' as %40")]
        [InlineData("mongodb://{|#0:user:p:ss|}@db.example.com", "':' as %3A")]
        [InlineData("mongodb://{|#0:user:p/ss|}@db.example.com", "'/' as %2F")]
        [InlineData("mongodb://{|#0:us@er:p@s/s:x|}@db.example.com", "'@' as %40, ':' as %3A and '/' as %2F")]
        [InlineData("mongodb+srv://{|#0:app:50%off|}@cluster0.example.net", "'%' as %25")]
        public async Task UnencodedUserInfoIsReportedOnTheUserInfo(string uri, string characters)
        {
            await Verify.VerifyAsync(
                Uri("\"" + uri + "\""),
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0)
                    .WithArguments("the user name or password holds a character that is not percent-encoded", "percent-encode " + characters));
        }

        [Theory]
        [InlineData("{|#0:tls=yes|}", "tls has an invalid boolean value; use true or false", "write true or false")]
        [InlineData("{|#0:connectTimeoutMS=abc|}", "connectTimeoutMS has an invalid duration", "write milliseconds for a name ending in MS, otherwise seconds or a duration such as 30s or 00:00:30")]
        [InlineData("{|#0:maxPoolSize=abc|}", "maxPoolSize has an invalid integer value", "write a whole number")]
        public async Task InvalidValuesOfKnownOptionsAreReportedOnTheOption(string options, string reason, string fix)
        {
            await Verify.VerifyAsync(
                Uri("\"mongodb://db.example.com/?" + options + "\""),
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0).WithArguments(reason, fix));
        }

        [Theory]
        [InlineData("\"mongodb://db.example.com/?tlsInsecure=true&tlsDisableCertificateRevocationCheck=true\"", "specifying both tlsInsecure and tlsDisableCertificateRevocationCheck is invalid", "remove tlsDisableCertificateRevocationCheck, or tlsInsecure")]
        [InlineData("\"mongodb+srv://cluster0.example.net:27017/app\"", "a host of a mongodb+srv connection string cannot specify a port", "remove the port: mongodb+srv reads hosts and ports from DNS")]
        [InlineData("\"mongodb+srv://a.example.net,b.example.net/app\"", "only one host is allowed with the mongodb+srv scheme", "give one host name, or use mongodb:// with the list of hosts")]
        [InlineData("\"mongodb://a.example.com,b.example.com/?directConnection=true\"", "directConnection cannot be used with several hosts", "remove directConnection=true, or give one host")]
        public async Task ContradictionsAreReportedOnTheString(string literal, string reason, string fix)
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient({|#0:" + literal + "|}); }",
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0).WithArguments(reason, fix));
        }

        [Fact]
        public async Task PortOutOfRangeIsReportedOnTheHost()
        {
            await Verify.VerifyAsync(
                Uri("\"mongodb://{|#0:db.example.com:65536|}/app\""),
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0).WithArguments("a port is outside the range 1 to 65535", "use a port between 1 and 65535"));
        }

        [Fact]
        public async Task AUserWithoutPasswordIsRejectedOnlyWhereTheSinkRefusesIt()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://{|#0:app|}@db.example.com/app\"); const string Elsewhere = \"mongodb://app@db.example.com/app\"; object N() => new MongoUrl(\"mongodb://app@db.example.com/app\"); }",
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejectedBySink).WithLocation(0).WithArguments(
                    "new MongoClient",
                    "a user without a password cannot sign in with the default mechanism",
                    "add ':' and the percent-encoded password after the user name, or set authMechanism=MONGODB-X509 for a certificate user"));
        }

        [Fact]
        public async Task AUriHeldByALocalIsJudgedByTheSinkTheLocalReaches()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() { var uri = \"mongodb://{|#0:app|}@db.example.com/app\"; return new MongoClient(uri); } object N() { var uri = \"mongodb://app@db.example.com/app\"; uri = uri.Trim(); return new MongoClient(uri); } object P() { var uri = \"mongodb://app@db.example.com/app\"; return uri.Length; } }",
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejectedBySink).WithLocation(0).WithArguments(
                    "new MongoClient",
                    "a user without a password cannot sign in with the default mechanism",
                    "add ':' and the percent-encoded password after the user name, or set authMechanism=MONGODB-X509 for a certificate user"));
        }

        [Fact]
        public async Task MongoUrlRefusesTagsWithoutAMode()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => MongoUrl.Create(\"mongodb://db.example.com/?{|#0:readPreferenceTags=dc:ny|}\"); object N() => \"mongodb://db.example.com/?readPreferenceTags=dc:ny\"; }",
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejectedBySink).WithLocation(0).WithArguments(
                    "MongoUrl.Create",
                    "readPreferenceTags and maxStalenessSeconds need a read preference mode other than primary",
                    "add readPreference=secondaryPreferred (or another mode that reads from secondaries) to the options"));
        }

        [Theory]
        [InlineData("mongodb://user:<password>@db.example.com/?tls=yes")]
        [InlineData("mongodb://user:{0}@db.example.com/?tls=yes")]
        [InlineData("mongodb://${MONGO_USER}:p@ss@db.example.com")]
        [InlineData("mongodb://user:$(PASSWORD)@db.example.com/?tls=yes")]
        [InlineData("mongodb://user:%MONGO_PASSWORD%@db.example.com/?tls=yes")]
        [InlineData("mongodb://user:#{Password}#@db.example.com/?tls=yes")]
        [InlineData("mongodb://user:__PASSWORD__@db.example.com/?tls=yes")]
        public async Task TemplatesAreSilent(string uri)
        {
            await Verify.VerifyAsync(Uri("\"" + uri + "\""));
        }

        [Theory]
        [InlineData("\"mongodb://user:p%40ss@db.example.com:27017/app?tls=true&tlsInsecure=false\"")]
        [InlineData("\"mongodb+srv://cluster0.example.net/app?retryWrites=true&w=majority\"")]
        [InlineData("\"mongodb://\"")]
        [InlineData("\"mongodb://x509user@db.example.com/?authMechanism=MONGODB-X509\"")]
        public async Task AcceptedUrisAndPrefixesAreSilent(string literal)
        {
            await Verify.VerifyAsync(Uri(literal));
        }

        [Fact]
        public async Task HolesAreGivenTheBenefitOfTheDoubt()
        {
            await Verify.VerifyAsync("using MongoDB.Driver; class C { object M(string p, string o) => new MongoClient($\"mongodb://user:{p}@db.example.com/?{o}\"); }");
        }

        [Fact]
        public async Task FiresInTestCode()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://db.example.com/?{|#0:tls=yes|}\"); }",
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" },
                Verify.Diagnostic(RuleDescriptors.ConnectionStringRejected).WithLocation(0).WithArguments("tls has an invalid boolean value; use true or false", "write true or false"));
        }

        /// <summary>On a rejected URI, MTA011 is the one URI-text diagnostic; MTA001 still fires on a real password.</summary>
        [Theory]
        [InlineData("mongodb://admin:S3cret@db.example.com/?tls=yes&tlsInsecure=true&connectTimeoutMS=10&tlsCAFile=/ca.pem&foo=1", "MTA001,MTA011")]
        [InlineData("mongodb://db.example.com/?heartbeatFrequencyMS=-5&tlsInsecure=true&connectTimeout=30000", "MTA011")]
        [InlineData("mongodb://app@db.example.com/?tls=false&serverSelectionTimeoutMS=10", "MTA011")]
        public void OtherUriRulesStaySilentOnARejectedUri(string uri, string ids)
        {
            foreach (var driver in new[] { DriverVersion.V3, DriverVersion.V2 })
            {
                var compilation = AnalyzerRunner.Compile(new[] { Uri("\"" + uri + "\"") }, driver);
                var diagnostics = AnalyzerRunner.Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MongoTlsAnalyzers.Rules.MongoTlsAnalyzer()));
                Assert.Equal(ids, string.Join(",", diagnostics.Select(d => d.Id).Where(id => id.StartsWith("MTA", StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal)));
            }
        }

        [Fact]
        public void MessagesAndPropertiesNeverHoldThePassword()
        {
            const string password = "Sup3r:S3cret/Value@x";
            var compilation = AnalyzerRunner.Compile(new[] { Uri("\"mongodb://admin:" + password + "@db.example.com/app\"") }, DriverVersion.V3);
            var diagnostics = AnalyzerRunner.Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MongoTlsAnalyzers.Rules.MongoTlsAnalyzer()));
            Assert.Contains(diagnostics, d => d.Id == RuleIds.ConnectionStringRejected);
            Assert.All(diagnostics, d => Assert.DoesNotContain("S3cret", d.GetMessage(), StringComparison.Ordinal));
            Assert.All(diagnostics.SelectMany(d => d.Properties.Values), v => Assert.DoesNotContain("S3cret", v ?? string.Empty, StringComparison.Ordinal));
        }
    }
}
