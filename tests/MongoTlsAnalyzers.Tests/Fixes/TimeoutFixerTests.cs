using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using TimeoutFixes = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutRule, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>TimeoutFixer (MTA007): raise a too-short timeout to the recommended minimum, or remove it.</summary>
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
    }
}
