using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TimeoutRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>MTA007 above a ceiling: what a request then waits, the ceilings from .editorconfig, and MTA008 winning over a ceiling.</summary>
    public sealed class TimeoutCeilingTests
    {
        private const string ServerSelectionTail = "lower it, or remove it to use the default of 30 s";

        private static string Settings(string body) => /* lang=c#-test */ $$"""

using System;
using System.Threading;
using MongoDB.Driver;
class C
{
    const int Five = 5;
    static readonly TimeSpan Long = TimeSpan.FromMinutes(Five);
    void M(MongoClientSettings settings, MongoUrlBuilder builder)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromMinutes(10)", "ServerSelectionTimeout is 10 min, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 10 min before it fails; " + ServerSelectionTail)]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(1)", "ServerSelectionTimeout is 2 min 1 ms, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 2 min 1 ms before it fails; " + ServerSelectionTail)]
        [InlineData("settings.ServerSelectionTimeout = Timeout.InfiniteTimeSpan", "ServerSelectionTimeout is infinite, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits forever instead of failing; " + ServerSelectionTail)]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.MaxValue", "ServerSelectionTimeout is 10675199 d 2 h, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 10675199 d 2 h before it fails; " + ServerSelectionTail)]
        [InlineData("MongoDefaults.ServerSelectionTimeout = Long", "MongoDefaults.ServerSelectionTimeout is 5 min, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 5 min before it fails; " + ServerSelectionTail)]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(90)", "ConnectTimeout is 1 min 30 s, above the recommended maximum of 1 min: when a server does not answer, a request waits 1 min 30 s for its connection before it fails; lower it, or remove it to use the default of 30 s")]
        [InlineData("settings.ConnectTimeout = Timeout.InfiniteTimeSpan", "ConnectTimeout is infinite, above the recommended maximum of 1 min: when a server does not answer, a request waits forever for its connection instead of failing; lower it, or remove it to use the default of 30 s")]
        [InlineData("builder.WaitQueueTimeout = new TimeSpan(0, 5, 0)", "WaitQueueTimeout is 5 min, above the recommended maximum of 2 min: when the connection pool is exhausted, as it is while the cluster is unreachable, a request waits 5 min for a connection before it fails; lower it, or remove it to use the default of 2 min")]
        [InlineData("builder.HeartbeatInterval = TimeSpan.FromHours(1)", "HeartbeatInterval is 1 h, above the recommended maximum of 1 min: the driver checks on its servers only every 1 h, so it is that slow to notice a server that went away or came back; lower it, or remove it to use the default of 10 s")]
        public async Task ReportsOnTheAssignment(string assignment, string message)
        {
            await Verify.VerifyAsync(
                Settings("{|#0:" + assignment + "|};"),
                Verify.Diagnostic(RuleDescriptors.TimeoutAboveCeiling).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromMinutes(2)")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(60)")]
        [InlineData("builder.WaitQueueTimeout = TimeSpan.FromSeconds(120)")]
        [InlineData("builder.HeartbeatInterval = TimeSpan.FromMinutes(1)")]
        [InlineData("settings.SocketTimeout = TimeSpan.FromHours(1)")]
        [InlineData("settings.SocketTimeout = Timeout.InfiniteTimeSpan")]
        [InlineData("settings.MaxConnectionIdleTime = TimeSpan.FromHours(1)")]
        [InlineData("settings.HeartbeatTimeout = Timeout.InfiniteTimeSpan")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(30000)")] // MTA008 alone
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(1000)")] // MTA008 alone
        public async Task SilentAtOrBelowTheCeilingAndOnUnitMixUps(string assignment)
        {
            await Verify.VerifyAsync(Settings(assignment + ";"));
        }

        [Theory]
        [InlineData("serverSelectionTimeoutMS=600000", "The option serverSelectionTimeoutMS is 10 min, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 10 min before it fails; " + ServerSelectionTail)]
        [InlineData("serverSelectionTimeout=300", "The option serverSelectionTimeout is 5 min, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 5 min before it fails; " + ServerSelectionTail)]
        [InlineData("connectTimeout=2m", "The option connectTimeout is 2 min, above the recommended maximum of 1 min: when a server does not answer, a request waits 2 min for its connection before it fails; lower it, or remove it to use the default of 30 s")]
        [InlineData("waitQueueTimeoutMS=180000", "The option waitQueueTimeoutMS is 3 min, above the recommended maximum of 2 min: when the connection pool is exhausted, as it is while the cluster is unreachable, a request waits 3 min for a connection before it fails; lower it, or remove it to use the default of 2 min")]
        [InlineData("heartbeatFrequencyMS=120000", "The option heartbeatFrequencyMS is 2 min, above the recommended maximum of 1 min: the driver checks on its servers only every 2 min, so it is that slow to notice a server that went away or came back; lower it, or remove it to use the default of 10 s")]
        public async Task ReportsUriOptions(string option, string message)
        {
            await Verify.VerifyAsync(
                $"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?tls=true&{{|#0:{option}|}}\"); }}",
                Verify.Diagnostic(RuleDescriptors.TimeoutAboveCeiling).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("serverSelectionTimeoutMS=120000")]
        [InlineData("connectTimeout=60")]
        [InlineData("socketTimeoutMS=3600000")]
        [InlineData("connectTimeout=30000")] // MTA008 alone: 8 h 20 min read in seconds
        [InlineData("serverSelectionTimeout=1000")] // MTA008 alone
        public async Task SilentUriOptions(string option)
        {
            await Verify.VerifyAsync($"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?tls=true&{option}\"); }}");
        }

        [Fact]
        public async Task CeilingsComeFromEditorConfigAndNoneTurnsOneOff()
        {
            var options = new TestOptions
            {
                EditorConfig = string.Join(
                    "\n",
                    "mongo_tls.max_server_selection_timeout = 5m",
                    "mongo_tls.max_connect_timeout = none",
                    "mongo_tls.max_wait_queue_timeout = 00:00:30",
                    "mongo_tls.max_heartbeat_interval = NONE"),
            };
            await Verify.VerifyAsync(
                Settings("""
settings.ServerSelectionTimeout = TimeSpan.FromMinutes(5);
        settings.ConnectTimeout = Timeout.InfiniteTimeSpan;
        builder.HeartbeatInterval = TimeSpan.FromHours(1);
        {|#0:builder.WaitQueueTimeout = TimeSpan.FromMinutes(1)|};
        {|#1:settings.ServerSelectionTimeout = TimeSpan.FromMinutes(6)|};
"""),
                options,
                Verify.Diagnostic(RuleDescriptors.TimeoutAboveCeiling).WithLocation(0).WithMessage("WaitQueueTimeout is 1 min, above the recommended maximum of 30 s: when the connection pool is exhausted, as it is while the cluster is unreachable, a request waits 1 min for a connection before it fails; lower it, or remove it to use the default of 2 min"),
                Verify.Diagnostic(RuleDescriptors.TimeoutAboveCeiling).WithLocation(1).WithMessage("ServerSelectionTimeout is 6 min, above the recommended maximum of 5 min: when the cluster is unreachable, a request waits 6 min before it fails; " + ServerSelectionTail));
        }

        [Fact]
        public async Task AMalformedCeilingFallsBackToTheDefault()
        {
            await Verify.VerifyAsync(
                Settings("settings.ServerSelectionTimeout = TimeSpan.FromMinutes(2); {|#0:settings.ConnectTimeout = TimeSpan.FromMinutes(2)|};"),
                new TestOptions { EditorConfig = "mongo_tls.max_server_selection_timeout = never\nmongo_tls.max_connect_timeout = 90" },
                Verify.Diagnostic(RuleDescriptors.TimeoutAboveCeiling).WithLocation(0).WithMessage("ConnectTimeout is 2 min, above the recommended maximum of 1 min: when a server does not answer, a request waits 2 min for its connection before it fails; lower it, or remove it to use the default of 30 s"));
        }
    }
}
