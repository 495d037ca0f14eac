using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Units = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutUnitRule, MongoTlsAnalyzers.CodeFixes.Fixes.TimeoutUnitFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>TimeoutUnitFixer (MTA008): convert a timeout given in the wrong unit.</summary>
    public sealed class TimeoutUnitFixerTests
    {
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
