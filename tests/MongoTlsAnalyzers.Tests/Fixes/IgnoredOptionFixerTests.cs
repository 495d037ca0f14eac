using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Ignored = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule, MongoTlsAnalyzers.CodeFixes.Fixes.IgnoredOptionFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>IgnoredOptionFixer (MTA005): remove an ignored connection-string option, or rename a near miss.</summary>
    public sealed class IgnoredOptionFixerTests
    {
        private static string Client(string literal) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    object M() => new MongoClient({{literal}});
}

""";

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
    }
}
