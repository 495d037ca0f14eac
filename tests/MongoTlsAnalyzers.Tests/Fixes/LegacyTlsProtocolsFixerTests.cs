using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta010 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.LegacyTlsProtocolsRule, MongoTlsAnalyzers.CodeFixes.Fixes.LegacyTlsProtocolsFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>LegacyTlsProtocolsFixer (MTA010): use the system default protocols.</summary>
    public sealed class LegacyTlsProtocolsFixerTests
    {
        [Fact]
        public async Task UsesTheSystemDefaultProtocols()
        {
            await Mta010.VerifyAsync(/* lang=c#-test */ """

using System.Security.Authentication;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { {|MTA010:EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12|} };
    }
}
""", /* lang=c#-test */ """

using System.Security.Authentication;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { EnabledSslProtocols = SslProtocols.None };
    }
}
""", LegacyTlsProtocolsFixer.SystemDefaultKey);
        }
    }
}
