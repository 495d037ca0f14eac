using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using Insecure = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule, MongoTlsAnalyzers.CodeFixes.Fixes.InsecureSettingFixer>;
using Ignored = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule, MongoTlsAnalyzers.CodeFixes.Fixes.IgnoredOptionFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// URI fixes on a URI assembled with a StringBuilder: the edit lands in the appended piece that holds the option, and
    /// an Append left with nothing to append goes, as a statement or as a link of a chain.
    /// </summary>
    public sealed class AssembledUriFixTests
    {
        private static string Method(string body) => /* lang=c#-test */ $$"""
using System.Text;
using MongoDB.Driver;

class C
{
    MongoClient M(string host)
    {
{{body}}
    }
}
""";

        [Fact]
        public async Task RemovingTheOnlyOptionOfAnAppendRemovesTheStatement()
        {
            await Insecure.VerifyAsync(
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true");
        sb.Append("&{|MTA003:tlsInsecure=true|}");
        return new MongoClient(sb.ToString());
"""),
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true");
        return new MongoClient(sb.ToString());
"""),
                InsecureSettingFixer.RemoveKey);
        }

        [Fact]
        public async Task RemovingTheOnlyOptionOfAChainedAppendKeepsTheChain()
        {
            await Ignored.VerifyAsync(
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true").Append("&{|MTA005:tlsAllowInvalidHostnames=true|}").Append("&appName=x");
        return new MongoClient(sb.ToString());
"""),
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true").Append("&appName=x");
        return new MongoClient(sb.ToString());
"""),
                IgnoredOptionFixer.RemoveKey);
        }

        [Fact]
        public async Task AnAppendThatKeepsOtherTextIsEditedInPlace()
        {
            await Ignored.VerifyAsync(
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true");
        sb.Append("&appName=x&{|MTA005:tlsAllowInvalidHostnames=true|}");
        return new MongoClient(sb.ToString());
"""),
                Method("""
        var sb = new StringBuilder("mongodb://db.example.com/?tls=true");
        sb.Append("&appName=x");
        return new MongoClient(sb.ToString());
"""),
                IgnoredOptionFixer.RemoveKey);
        }
    }
}
