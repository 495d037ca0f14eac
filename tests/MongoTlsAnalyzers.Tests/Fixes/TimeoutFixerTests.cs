using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using TimeoutFixes = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutRule, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>TimeoutFixer (MTA007): raise a too-short timeout to the recommended minimum, lower a too-long one to the recommended maximum, or remove it.</summary>
    public sealed class TimeoutFixerTests
    {
        private static string Client(string literal) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    object M() => new MongoClient({{literal}});
}

""";

        [Theory]
        [InlineData("\"mongodb://h/?{|MTA007:serverSelectionTimeoutMS=500|}\"", "\"mongodb://h/?serverSelectionTimeoutMS=12000\"")]
        [InlineData("\"mongodb://h/?{|MTA007:serverSelectionTimeout=3|}&w=1\"", "\"mongodb://h/?serverSelectionTimeout=12&w=1\"")]
        [InlineData("\"mongodb://h/?{|MTA007:heartbeatFrequency=0.1|}\"", "\"mongodb://h/?heartbeatFrequency=500ms\"")]
        public async Task RaisesAUriTimeout(string before, string after)
        {
            await TimeoutFixes.VerifyAsync(Client(before), Client(after), TimeoutFixer.RaiseKey);
        }

        [Fact]
        public async Task RemovesAUriTimeout()
        {
            await TimeoutFixes.VerifyAsync(
                Client("\"mongodb://h/?w=1&{|MTA007:connectTimeoutMS=0|}\""),
                Client("\"mongodb://h/?w=1\""),
                TimeoutFixer.RemoveKey);
        }

        [Fact]
        public async Task RaisesAndRemovesPropertyTimeouts()
        {
            const string source = /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { {|MTA007:ServerSelectionTimeout = TimeSpan.FromSeconds(2)|}, ApplicationName = "app" };
        {|MTA007:settings.ConnectTimeout = TimeSpan.Zero|};
        {|MTA007:MongoDefaults.WaitQueueTimeout = TimeSpan.FromMilliseconds(10)|};
        return settings;
    }
}
""";
            await TimeoutFixes.VerifyAsync(source, /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { ApplicationName = "app" };
        return settings;
    }
}
""", TimeoutFixer.RemoveKey);

            await TimeoutFixes.VerifyAsync(
                source,
                /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { ServerSelectionTimeout = TimeSpan.FromSeconds(12), ApplicationName = "app" };
        settings.ConnectTimeout = TimeSpan.Zero;
        MongoDefaults.WaitQueueTimeout = TimeSpan.FromSeconds(1);
        return settings;
    }
}
""",
                TimeoutFixer.RaiseKey,
                null,
                null,
                System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>(),
                new[]
                {
                    // An immediate connect timeout has no floor to raise to; only removal fixes it.
                    new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MongoTlsAnalyzers.Descriptors.RuleDescriptors.TimeoutTooShortOrInvalid)
                        .WithSpan(10, 9, 10, 48)
                        .WithMessage("ConnectTimeout is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of 30 s"),
                });
        }

        [Theory]
        [InlineData("\"mongodb://h/?{|MTA007:serverSelectionTimeoutMS=600000|}\"", "\"mongodb://h/?serverSelectionTimeoutMS=120000\"")]
        [InlineData("\"mongodb://h/?{|MTA007:connectTimeout=90|}&w=1\"", "\"mongodb://h/?connectTimeout=60&w=1\"")]
        [InlineData("\"mongodb://h/?{|MTA007:heartbeatFrequency=5m|}\"", "\"mongodb://h/?heartbeatFrequency=60\"")]
        public async Task LowersAUriTimeout(string before, string after)
        {
            await TimeoutFixes.VerifyAsync(Client(before), Client(after), TimeoutFixer.LowerKey);
        }

        [Fact]
        public async Task LowersAUriTimeoutToAConfiguredCeiling()
        {
            await TimeoutFixes.VerifyAsync(
                Client("\"mongodb://h/?{|MTA007:waitQueueTimeoutMS=60000|}\""),
                Client("\"mongodb://h/?waitQueueTimeoutMS=30500\""),
                TimeoutFixer.LowerKey,
                new TestOptions { EditorConfig = "mongo_tls.max_wait_queue_timeout = 30.5s" });
        }

        [Fact]
        public async Task RemovesAUriTimeoutAboveItsCeiling()
        {
            await TimeoutFixes.VerifyAsync(
                Client("\"mongodb://h/?w=1&{|MTA007:serverSelectionTimeoutMS=600000|}\""),
                Client("\"mongodb://h/?w=1\""),
                TimeoutFixer.RemoveKey);
        }

        /// <summary>
        /// Without a chosen action (Fix All and dotnet format without a key) the first one offered applies: Remove above a
        /// ceiling (back to the 30 s default), Raise below a floor (the value was meant to be shorter than the default).
        /// </summary>
        [Theory]
        [InlineData("\"mongodb://h/?w=1&{|MTA007:serverSelectionTimeoutMS=600000|}\"", "\"mongodb://h/?w=1\"")]
        [InlineData("\"mongodb://h/?w=1&{|MTA007:serverSelectionTimeoutMS=2000|}\"", "\"mongodb://h/?w=1&serverSelectionTimeoutMS=12000\"")]
        public async Task TheFirstOfferedActionIsTheSafestOne(string before, string after)
        {
            await TimeoutFixes.VerifyAsync(Client(before), Client(after));
        }

        [Fact]
        public async Task LowersAndRemovesPropertyTimeoutsAboveTheirCeiling()
        {
            const string source = /* lang=c#-test */ """

using System;
using System.Threading;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { {|MTA007:ServerSelectionTimeout = TimeSpan.FromMinutes(10)|}, ApplicationName = "app" };
        {|MTA007:settings.ConnectTimeout = Timeout.InfiniteTimeSpan|};
        {|MTA007:MongoDefaults.WaitQueueTimeout = TimeSpan.FromHours(1)|};
        return settings;
    }
}
""";
            await TimeoutFixes.VerifyAsync(source, /* lang=c#-test */ """

using System;
using System.Threading;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { ServerSelectionTimeout = TimeSpan.FromMinutes(2), ApplicationName = "app" };
        settings.ConnectTimeout = TimeSpan.FromMinutes(1);
        MongoDefaults.WaitQueueTimeout = TimeSpan.FromMinutes(2);
        return settings;
    }
}
""", TimeoutFixer.LowerKey);

            await TimeoutFixes.VerifyAsync(source, /* lang=c#-test */ """

using System;
using System.Threading;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings { ApplicationName = "app" };
        return settings;
    }
}
""", TimeoutFixer.RemoveKey);
        }

        [Fact]
        public async Task RaiseIsNotOfferedAboveACeilingNorLowerBelowAFloor()
        {
            const string source = /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings();
        {|MTA007:settings.ServerSelectionTimeout = TimeSpan.FromMinutes(10)|};
        {|MTA007:settings.ConnectTimeout = TimeSpan.FromSeconds(1)|};
        return settings;
    }
}
""";
            await TimeoutFixes.VerifyAsync(source, /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings();
        settings.ServerSelectionTimeout = TimeSpan.FromMinutes(10);
        settings.ConnectTimeout = TimeSpan.FromSeconds(5);
        return settings;
    }
}
""", TimeoutFixer.RaiseKey, null, null, System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>(), new[]
            {
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MongoTlsAnalyzers.Descriptors.RuleDescriptors.TimeoutAboveCeiling).WithSpan(10, 9, 10, 67)
                    .WithMessage("ServerSelectionTimeout is 10 min, above the recommended maximum of 2 min: when the cluster is unreachable, a request waits 10 min before it fails; lower it, or remove it to use the default of 30 s"),
            });
            await TimeoutFixes.VerifyAsync(source, /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M()
    {
        var settings = new MongoClientSettings();
        settings.ServerSelectionTimeout = TimeSpan.FromMinutes(2);
        settings.ConnectTimeout = TimeSpan.FromSeconds(1);
        return settings;
    }
}
""", TimeoutFixer.LowerKey, null, null, System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>(), new[]
            {
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MongoTlsAnalyzers.Descriptors.RuleDescriptors.TimeoutTooShortOrInvalid).WithSpan(11, 9, 11, 58)
                    .WithMessage("ConnectTimeout is 1 s, below the recommended minimum of 5 s: a slow TLS handshake or DNS lookup then fails the connection; raise it, or remove it to use the default of 30 s"),
            });
        }
    }
}
