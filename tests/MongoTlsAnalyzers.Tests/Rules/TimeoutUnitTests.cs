using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TimeoutUnitRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class TimeoutUnitTests
    {
        [Theory]
        [InlineData("settings.ConnectTimeout = {|#0:TimeSpan.FromSeconds(30000)|}", "TimeSpan.FromSeconds(30000) is 8 h 20 min; if you meant milliseconds, use TimeSpan.FromMilliseconds(30000)")]
        [InlineData("settings.ServerSelectionTimeout = {|#0:TimeSpan.FromSeconds(1000)|}", "TimeSpan.FromSeconds(1000) is 16 min 40 s; if you meant milliseconds, use TimeSpan.FromMilliseconds(1000)")]
        [InlineData("MongoDefaults.SocketTimeout = {|#0:TimeSpan.FromSeconds(Big)|}", "TimeSpan.FromSeconds(5000) is 1 h 23 min; if you meant milliseconds, use TimeSpan.FromMilliseconds(5000)")]
        [InlineData("settings.ConnectTimeout = {|#0:new TimeSpan(5000)|}", "new TimeSpan(5000) is 5000 ticks, which is 0.5 ms; if you meant milliseconds, use TimeSpan.FromMilliseconds(5000)")]
        [InlineData("settings.ServerSelectionTimeout = {|#0:new TimeSpan(1)|}", "new TimeSpan(1) is 1 ticks, which is 0.0001 ms; if you meant milliseconds, use TimeSpan.FromMilliseconds(1)")]
        [InlineData("settings.MaxConnectionIdleTime = {|#0:new TimeSpan(9999999)|}", "new TimeSpan(9999999) is 9999999 ticks, which is 999 ms; if you meant milliseconds, use TimeSpan.FromMilliseconds(9999999)")]
        public async Task ReportsPropertyMixUps(string assignment, string message)
        {
            await Verify.VerifyAsync(
                /* lang=c#-test */ $$"""using System; using MongoDB.Driver; class C { const int Big = 5000; void M(MongoClientSettings settings) { {{assignment}}; } }""",
                Verify.Diagnostic(RuleDescriptors.SuspiciousTimeoutUnit).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(999)")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromMilliseconds(30000)")]
        [InlineData("settings.MaxConnectionIdleTime = TimeSpan.FromSeconds(3600)")]
        [InlineData("settings.ConnectTimeout = new TimeSpan(10000000)")]
        [InlineData("settings.ConnectTimeout = new TimeSpan(0)")]
        [InlineData("settings.ConnectTimeout = new TimeSpan(0, 0, 30)")]
        public async Task SilentCases(string assignment)
        {
            await Verify.VerifyAsync($"using System; using MongoDB.Driver; class C {{ void M(MongoClientSettings settings) {{ {assignment}; }} }}");
        }

        [Theory]
        [InlineData("connectTimeout=30000", "The option connectTimeout=30000 is read in seconds, so it is 8 h 20 min; if you meant milliseconds, use connectTimeoutMS=30000")]
        [InlineData("SERVERSELECTIONTIMEOUT=5000", "The option SERVERSELECTIONTIMEOUT=5000 is read in seconds, so it is 1 h 23 min; if you meant milliseconds, use serverSelectionTimeoutMS=5000")]
        [InlineData("wtimeout=2500", "The option wtimeout=2500 is read in seconds, so it is 41 min 40 s; if you meant milliseconds, use wtimeoutMS=2500")]
        [InlineData("heartbeatFrequency=10000", "The option heartbeatFrequency=10000 is read in seconds, so it is 2 h 46 min; if you meant milliseconds, use heartbeatFrequencyMS=10000")]
        public async Task ReportsUriMixUps(string option, string message)
        {
            await Verify.VerifyAsync(
                $"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?{{|#0:{option}|}}\"); }}",
                Verify.Diagnostic(RuleDescriptors.SuspiciousTimeoutUnit).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("connectTimeout=999")]
        [InlineData("connectTimeoutMS=30000")]
        [InlineData("connectTimeout=30000ms")]
        [InlineData("connectTimeout=30000s")]
        [InlineData("maxIdleTime=3600")]
        [InlineData("maxStalenessSeconds=1200")]
        public async Task SilentUriOptions(string option)
        {
            await Verify.VerifyAsync($"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?{option}\"); }}");
        }

        [Fact]
        public async Task FiresInTestProjects()
        {
            await Verify.VerifyAsync(
                "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?{|MTA008:connectTimeout=30000|}\"); }",
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
        }
    }
}
