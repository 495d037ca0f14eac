using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using Rejected = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.ConnectionStringRejectedRule, MongoTlsAnalyzers.CodeFixes.Fixes.ConnectionStringRejectedFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>ConnectionStringRejectedFixer (MTA011): percent-encode the user info when an unencoded character there is the cause.</summary>
    public sealed class ConnectionStringRejectedFixerTests
    {
        private static string Client(string literal) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    object M() => new MongoClient({{literal}});
}

""";

        [Theory]
        [InlineData("\"mongodb://{|MTA011:user:p@ss|}@db.example.com/app\"", "\"mongodb://user:p%40ss@db.example.com/app\"")]
        [InlineData("\"mongodb://{|MTA011:us@er:p:s/s|}@db.example.com\"", "\"mongodb://us%40er:p%3As%2Fs@db.example.com\"")]
        [InlineData("\"mongodb+srv://{|MTA011:app:50%off|}@cluster0.example.net/?w=majority\"", "\"mongodb+srv://app:50%25off@cluster0.example.net/?w=majority\"")]
        [InlineData("@\"mongodb://{|MTA011:user:p@s\"\"s|}@db.example.com\"", "@\"mongodb://user:p%40s\"\"s@db.example.com\"")]
        [InlineData("\"\"\"mongodb://{|MTA011:user:p@ss|}@db.example.com\"\"\"", "\"\"\"mongodb://user:p%40ss@db.example.com\"\"\"")]
        public async Task PercentEncodesTheUserInfo(string before, string after)
        {
            await Rejected.VerifyAsync(Client(before), Client(after), ConnectionStringRejectedFixer.EncodeKey);
        }

        [Fact]
        public async Task OtherCausesGetNoEncodingFix()
        {
            var source = Client("\"mongodb://db.example.com/?{|MTA011:tls=yes|}\"");
            await Rejected.VerifyAsync(source, source);
        }
    }
}
