using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.TimeoutRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class TimeoutTests
    {
        private static string Settings(string body) => /* lang=c#-test */ $$"""

using System;
using System.Threading;
using MongoDB.Driver;
class C
{
    const int Five = 5;
    static readonly TimeSpan Short = TimeSpan.FromSeconds(2);
    void M(MongoClientSettings settings, MongoUrlBuilder builder)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5)", "ServerSelectionTimeout is 5 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromMilliseconds(500)", "ConnectTimeout is 500 ms, below the recommended minimum of 5 s: a slow TLS handshake or DNS lookup then fails the connection; raise it, or remove it to use the default of 30 s")]
        [InlineData("settings.ConnectTimeout = TimeSpan.Zero", "ConnectTimeout is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of 30 s")]
        [InlineData("settings.SocketTimeout = TimeSpan.FromSeconds(Five)", "SocketTimeout is 5 s, below the recommended minimum of 10 s: ordinary slow queries and index builds are cut off; raise it, or remove it to use the default of no timeout")]
        [InlineData("builder.WaitQueueTimeout = new TimeSpan(0, 0, 0, 0, 100)", "WaitQueueTimeout is 100 ms, below the recommended minimum of 1 s: a short burst of load fails requests instead of queuing them; raise it, or remove it to use the default of 2 min")]
        [InlineData("builder.HeartbeatInterval = TimeSpan.FromMilliseconds(100)", "HeartbeatInterval is 100 ms, below the recommended minimum of 500 ms: the driver floods every server with monitoring traffic; raise it, or remove it to use the default of 10 s")]
        [InlineData("MongoDefaults.ServerSelectionTimeout = Short", "MongoDefaults.ServerSelectionTimeout is 2 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(20) - TimeSpan.FromSeconds(15)", "ServerSelectionTimeout is 5 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(-1)", "ConnectTimeout is negative (-1 s); use Timeout.InfiniteTimeSpan for no timeout, or remove it to use 30 s")]
        [InlineData("settings.HeartbeatTimeout = TimeSpan.FromSeconds(-2)", "HeartbeatTimeout is negative (-2 s); use Timeout.InfiniteTimeSpan for no timeout, or remove it to use the driver default")]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.Parse(\"00:00:03\")", "ServerSelectionTimeout is 3 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        public async Task ReportsOnTheAssignment(string assignment, string message)
        {
            await Verify.VerifyAsync(
                Settings("{|#0:" + assignment + "|};"),
                Verify.Diagnostic(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithMessage(message));
        }

        [Theory]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(12)")]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(30)")]
        [InlineData("settings.ConnectTimeout = TimeSpan.FromSeconds(5)")]
        [InlineData("settings.SocketTimeout = TimeSpan.Zero")]
        [InlineData("settings.SocketTimeout = Timeout.InfiniteTimeSpan")]
        [InlineData("settings.MaxConnectionIdleTime = TimeSpan.FromSeconds(1)")]
        [InlineData("settings.ConnectTimeout = new TimeSpan(5000)")]
        [InlineData("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(DateTime.Now.Second)")]
        public async Task SilentCases(string assignment)
        {
            await Verify.VerifyAsync(Settings(assignment + ";"));
        }

        [Fact]
        public async Task ObjectInitializersAndNonDriverTypes()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;
class HttpSettings { public TimeSpan ConnectTimeout { get; set; } public TimeSpan ServerSelectionTimeout { get; set; } }
class C
{
    object A() => new MongoClientSettings { {|#0:ServerSelectionTimeout = TimeSpan.FromSeconds(1)|}, ApplicationName = "x" };
    object B() => new HttpSettings { ConnectTimeout = TimeSpan.Zero, ServerSelectionTimeout = TimeSpan.FromSeconds(1) };
}
""",
                Verify.Diagnostic(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithMessage("ServerSelectionTimeout is 1 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s"));
        }

        [Theory]
        [InlineData("serverSelectionTimeoutMS=5000", "The option serverSelectionTimeoutMS is 5 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        [InlineData("serverSelectionTimeout=5", "The option serverSelectionTimeout is 5 s, below the recommended minimum of 12 s: a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover; raise it, or remove it to use the default of 30 s")]
        [InlineData("connectTimeoutMS=0", "The option connectTimeoutMS is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of 30 s")]
        [InlineData("connectTimeout=2s", "The option connectTimeout is 2 s, below the recommended minimum of 5 s: a slow TLS handshake or DNS lookup then fails the connection; raise it, or remove it to use the default of 30 s")]
        [InlineData("socketTimeoutMS=-5", "The option socketTimeoutMS is negative (-5 ms); use Timeout.InfiniteTimeSpan for no timeout, or remove it to use no timeout")]
        [InlineData("heartbeatFrequencyMS=100", "The option heartbeatFrequencyMS is 100 ms, below the recommended minimum of 500 ms: the driver floods every server with monitoring traffic; raise it, or remove it to use the default of 10 s")]
        [InlineData("waitQueueTimeout=00:00:00.5", "The option waitQueueTimeout is 500 ms, below the recommended minimum of 1 s: a short burst of load fails requests instead of queuing them; raise it, or remove it to use the default of 2 min")]
        public async Task ReportsUriOptions(string option, string message)
        {
            await Verify.VerifyAsync(
                $"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?tls=true&{{|#0:{option}|}}\"); }}",
                Verify.Diagnostic(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithMessage(message));
        }

        [Fact]
        public async Task InterpolatedUriIsReportedOnTheInterpolatedString()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M(string host) => new MongoClient({|MTA007:$"mongodb://{host}/?serverSelectionTimeoutMS=1000"|});
}
""");
        }

        [Theory]
        [InlineData("socketTimeoutMS=0")]
        [InlineData("serverSelectionTimeoutMS=12000")]
        [InlineData("connectTimeout=30000")]
        [InlineData("maxIdleTimeMS=10")]
        public async Task SilentUriOptions(string option)
        {
            await Verify.VerifyAsync($"using MongoDB.Driver; class C {{ object M() => new MongoClient(\"mongodb://db.example.com/?{option}\"); }}");
        }

        [Fact]
        public async Task FloorsComeFromEditorConfig()
        {
            var options = new TestOptions { EditorConfig = "mongo_tls.min_server_selection_timeout = 3s\nmongo_tls.min_connect_timeout = 00:00:10" };
            await Verify.VerifyAsync(
                Settings("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(5); {|#0:settings.ConnectTimeout = TimeSpan.FromSeconds(5)|};"),
                options,
                Verify.Diagnostic(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithMessage("ConnectTimeout is 5 s, below the recommended minimum of 10 s: a slow TLS handshake or DNS lookup then fails the connection; raise it, or remove it to use the default of 30 s"));
        }

        [Fact]
        public async Task SilentInTestProjectsUnlessConfigured()
        {
            const string body = "settings.ServerSelectionTimeout = TimeSpan.FromSeconds(1);";
            await Verify.VerifyAsync(Settings(body), new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
            await Verify.VerifyAsync(
                Settings("{|MTA007:" + body.TrimEnd(';') + "|};"),
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true", EditorConfig = "mongo_tls.analyze_test_projects = true" });
        }
    }
}
