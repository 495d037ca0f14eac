using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Ignored = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionAnalyzer, MongoTlsAnalyzers.CodeFixes.Fixes.IgnoredOptionFixer>;
using Timeouts = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutAnalyzer, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutFixer>;
using Units = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutUnitAnalyzer, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutUnitFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    public sealed class OptionAndTimeoutFixerTests
    {
        private static string Client(string literal) => $"using MongoDB.Driver;\n\nclass C\n{{\n    object M() => new MongoClient({literal});\n}}\n";

        [Theory]
        [InlineData("\"mongodb://h/?{|MTA005:foo=1|}&tls=true\"", "\"mongodb://h/?tls=true\"")]
        [InlineData("\"mongodb://h/?tls=true&{|MTA005:foo=1|}\"", "\"mongodb://h/?tls=true\"")]
        [InlineData("\"mongodb://h/?tls=true;{|MTA005:foo=1|};w=1\"", "\"mongodb://h/?tls=true;w=1\"")]
        [InlineData("\"mongodb://h/app?{|MTA005:tlsAllowInvalidCertificates=true|}\"", "\"mongodb://h/app\"")]
        [InlineData("@\"mongodb://h/?appName=\"\"x\"\"&{|MTA005:foo=1|}\"", "@\"mongodb://h/?appName=\"\"x\"\"\"")]
        [InlineData("\"\"\"mongodb://h/?{|MTA005:foo=1|}&w=1\"\"\"", "\"\"\"mongodb://h/?w=1\"\"\"")]
        public async Task RemovesTheIgnoredOptionWithItsSeparator(string before, string after)
        {
            await Ignored.VerifyAsync(Client(before), Client(after), IgnoredOptionFixer.RemoveKey);
        }

        [Fact]
        public async Task RenamesANearMiss()
        {
            await Ignored.VerifyAsync(
                Client("\"mongodb://h/?{|MTA005:connectionTimeout=5000|}&w=1\""),
                Client("\"mongodb://h/?connectTimeoutMS=5000&w=1\""),
                IgnoredOptionFixer.RenameKey);
        }

        [Fact]
        public async Task FixAllRemovesEveryIgnoredOptionInOneLiteral()
        {
            await Ignored.VerifyAsync(
                Client("\"mongodb://h/?{|MTA005:a=1|}&tls=true&{|MTA005:b=2|}&{|MTA005:c=3|}\""),
                Client("\"mongodb://h/?tls=true\""),
                IgnoredOptionFixer.RemoveKey);
        }

        [Theory]
        [InlineData("\"mongodb://h/?{|MTA007:serverSelectionTimeoutMS=500|}\"", "\"mongodb://h/?serverSelectionTimeoutMS=12000\"")]
        [InlineData("\"mongodb://h/?{|MTA007:serverSelectionTimeout=3|}&w=1\"", "\"mongodb://h/?serverSelectionTimeout=12&w=1\"")]
        [InlineData("\"mongodb://h/?{|MTA007:heartbeatFrequency=0.1|}\"", "\"mongodb://h/?heartbeatFrequency=500ms\"")]
        public async Task RaisesAUriTimeout(string before, string after)
        {
            await Timeouts.VerifyAsync(Client(before), Client(after), TimeoutFixer.RaiseKey);
        }

        [Fact]
        public async Task RemovesAUriTimeout()
        {
            await Timeouts.VerifyAsync(
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
            await Timeouts.VerifyAsync(source, /* lang=c#-test */ """

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

            await Timeouts.VerifyAsync(
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
                        .WithArguments("ConnectTimeout is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of 30 s"),
                });
        }

        [Fact]
        public async Task ConvertsUnits()
        {
            await Units.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        settings.ConnectTimeout = {|MTA008:TimeSpan.FromSeconds(30000)|};
        settings.SocketTimeout = {|MTA008:new TimeSpan(5000)|};
        var client = new MongoClient("mongodb://h/?{|MTA008:connectTimeout=30000|}");
    }
}
""", /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        settings.ConnectTimeout = TimeSpan.FromMilliseconds(30000);
        settings.SocketTimeout = TimeSpan.FromMilliseconds(5000);
        var client = new MongoClient("mongodb://h/?connectTimeoutMS=30000");
    }
}
""", TimeoutUnitFixer.ConvertKey);
        }
    }
}
