using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta009 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TlsSettingsWithoutTlsRule, MongoTlsAnalyzers.CodeFixes.Fixes.EnableTlsFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>EnableTlsFixer (MTA009): turn TLS on.</summary>
    public sealed class EnableTlsFixerTests
    {
        [Fact]
        public async Task EnablesTls()
        {
            await Mta009.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://db.example.com/?{|MTA009:tls=false|}&w=1");
        var b = new MongoClient("mongodb://db.example.com/?{|MTA009:tlsInsecure=true|}");
        var settings = new MongoClientSettings { Server = new MongoServerAddress("db.example.com") };
        {|MTA009:settings.UseTls = false|};
        var defaults = new MongoClientSettings { {|MTA009:AllowInsecureTls = true|} };
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://db.example.com/?tls=true&w=1");
        var b = new MongoClient("mongodb://db.example.com/?tls=true&tlsInsecure=true");
        var settings = new MongoClientSettings { Server = new MongoServerAddress("db.example.com") };
        settings.UseTls = true;
        var defaults = new MongoClientSettings { UseTls = true, AllowInsecureTls = true };
    }
}
""", EnableTlsFixer.EnableKey);
        }
    }
}
