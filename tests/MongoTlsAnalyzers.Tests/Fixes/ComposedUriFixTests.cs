using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using Ignored = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule, MongoTlsAnalyzers.CodeFixes.Fixes.IgnoredOptionFixer>;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule, MongoTlsAnalyzers.CodeFixes.Fixes.InsecureSettingFixer>;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule, MongoTlsAnalyzers.CodeFixes.Fixes.EnableTlsFixer>;
using TimeoutFixes = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutRule, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutFixer>;
using Units = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutUnitRule, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutUnitFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// The URI-option fixes on URIs that are not one plain literal: an interpolated string (the diagnostic is on the
    /// whole string, the edit on the text part that holds the option) and a URI composed of constants (the diagnostic
    /// and the edit are on the literal that holds the option). Constants of the same member: a diagnostic placed in
    /// another member's declaration is non-local, and hosts do not fix those.
    /// </summary>
    public sealed class ComposedUriFixTests
    {
        private static string Interpolated(string uri) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    object M(string host, int t) => new MongoClient({{uri}});
}

""";

        private static string Composed(string options) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    object M()
    {
        const string Options = {{options}};
        const string Uri = "mongodb://db.example.com/orders" + Options;
        return new MongoClient(Uri);
    }
}

""";

        [Theory]
        [InlineData("{|MTA005:$\"mongodb://{host}/?foo=1&tls=true\"|}", "$\"mongodb://{host}/?tls=true\"")]
        [InlineData("{|MTA005:$@\"mongodb://{host}/?appName=\"\"a\\b\"\"&foo=1\"|}", "$@\"mongodb://{host}/?appName=\"\"a\\b\"\"\"")]
        [InlineData("{|MTA005:$\"mongodb://{host}/?appName=a\\\\b&foo=1\"|}", "$\"mongodb://{host}/?appName=a\\\\b\"")]
        public async Task RemovesAnIgnoredOptionFromInterpolatedText(string before, string after)
        {
            await Ignored.VerifyAsync(Interpolated(before), Interpolated(after), IgnoredOptionFixer.RemoveKey);
        }

        [Fact]
        public async Task RenamesANearMissInInterpolatedTextAndInAComposedConstant()
        {
            await Ignored.VerifyAsync(
                Interpolated("{|MTA005:$\"mongodb://{host}/?connectionTimeout=5000&w=1\"|}"),
                Interpolated("$\"mongodb://{host}/?connectTimeoutMS=5000&w=1\""),
                IgnoredOptionFixer.RenameKey);
            await Ignored.VerifyAsync(
                Composed("\"?{|MTA005:connectionTimeout=5000|}&w=1\""),
                Composed("\"?connectTimeoutMS=5000&w=1\""),
                IgnoredOptionFixer.RenameKey);
        }

        [Fact]
        public async Task RemovesTlsInsecureFromInterpolatedTextAndFromAComposedConstant()
        {
            await Mta003.VerifyAsync(
                Interpolated("{|MTA003:$\"mongodb://{host}/?tlsInsecure=true&connectTimeoutMS={t}\"|}"),
                Interpolated("$\"mongodb://{host}/?connectTimeoutMS={t}\""),
                InsecureSettingFixer.RemoveKey);
            await Mta003.VerifyAsync(
                Composed("\"?tls=true&{|MTA003:tlsInsecure=true|}\""),
                Composed("\"?tls=true\""),
                InsecureSettingFixer.RemoveKey);
        }

        [Fact]
        public async Task EnablesTlsInInterpolatedTextAndInAComposedConstant()
        {
            await Mta009.VerifyAsync(
                Interpolated("{|MTA009:$\"mongodb://{host}/?tlsInsecure=true&w=1\"|}"),
                Interpolated("$\"mongodb://{host}/?tls=true&w=1\""),
                EnableTlsFixer.EnableAndRemoveKey);
            await Mta009.VerifyAsync(
                Interpolated("{|MTA009:$\"mongodb://{host}/?tlsInsecure=true&w=1\"|}"),
                Interpolated("$\"mongodb://{host}/?tls=true&tlsInsecure=true&w=1\""),
                EnableTlsFixer.EnableKey);
            await Mta009.VerifyAsync(
                Composed("\"?{|MTA009:tlsInsecure=true|}\""),
                Composed("\"?tls=true\""),
                EnableTlsFixer.EnableAndRemoveKey);
        }

        [Fact]
        public async Task RaisesAndRemovesATimeoutInInterpolatedText()
        {
            await TimeoutFixes.VerifyAsync(
                Interpolated("{|MTA007:$\"mongodb://{host}/?connectTimeoutMS=100&w=1\"|}"),
                Interpolated("$\"mongodb://{host}/?connectTimeoutMS=5000&w=1\""),
                TimeoutFixer.RaiseKey);
            await TimeoutFixes.VerifyAsync(
                Interpolated("{|MTA007:$\"mongodb://{host}/?w=1&connectTimeoutMS=100\"|}"),
                Interpolated("$\"mongodb://{host}/?w=1\""),
                TimeoutFixer.RemoveKey);
            await TimeoutFixes.VerifyAsync(
                Composed("\"?{|MTA007:connectTimeoutMS=100|}\""),
                Composed("\"?connectTimeoutMS=5000\""),
                TimeoutFixer.RaiseKey);
        }

        [Fact]
        public async Task ConvertsAUnitInInterpolatedText()
        {
            await Units.VerifyAsync(
                Interpolated("{|MTA008:$\"mongodb://{host}/?connectTimeout=30000&w=1\"|}"),
                Interpolated("$\"mongodb://{host}/?connectTimeoutMS=30000&w=1\""),
                TimeoutUnitFixer.ConvertKey);
        }
    }
}
