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

        /// <summary>mongodb+srv turns TLS on by itself: the switch that turns it off can simply go.</summary>
        [Fact]
        public async Task RemovesTlsOffOnSrv()
        {
            await Mta009.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb+srv://cluster0.example.com/?{|MTA009:tls=false|}&w=1");
        var b = new MongoClient("mongodb+srv://cluster0.example.com/?w=1&{|MTA009:ssl=false|}");
        var c = new MongoClient("mongodb+srv://cluster0.example.com/orders?{|MTA009:tls=false|}");
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb+srv://cluster0.example.com/?w=1");
        var b = new MongoClient("mongodb+srv://cluster0.example.com/?w=1");
        var c = new MongoClient("mongodb+srv://cluster0.example.com/orders");
    }
}
""", EnableTlsFixer.RemoveTlsOffKey);
        }

        /// <summary>The safest fix of an insecure setting while TLS is off: TLS on, and the setting gone, in one edit.</summary>
        [Fact]
        public async Task EnablesTlsAndRemovesTheInsecureSetting()
        {
            await Mta009.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://db.example.com/?{|MTA009:tlsInsecure=true|}");
        var b = new MongoClient("mongodb://db.example.com/?w=1&{|MTA009:tlsInsecure=true|}&retryWrites=false");
        var c = new MongoClient("mongodb://localhost/?tls=false&w=1&{|MTA009:tlsInsecure=true|}");
        var d = new MongoClient("mongodb://localhost/?{|MTA009:tlsInsecure=true|}&ssl=false");
        var s1 = new MongoClientSettings { Server = new MongoServerAddress("localhost"), {|MTA009:AllowInsecureTls = true|} };
        var s2 = new MongoClientSettings { UseTls = false, {|MTA009:AllowInsecureTls = true|}, ConnectTimeout = System.TimeSpan.FromSeconds(10) };
        var s3 = new MongoClientSettings();
        s3.UseTls = false;
        s3.ApplicationName = "orders";
        {|MTA009:s3.AllowInsecureTls = true|};
        var s4 = new MongoClientSettings();
        {|MTA009:s4.AllowInsecureTls = true|};
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://db.example.com/?tls=true");
        var b = new MongoClient("mongodb://db.example.com/?w=1&tls=true&retryWrites=false");
        var c = new MongoClient("mongodb://localhost/?tls=true&w=1");
        var d = new MongoClient("mongodb://localhost/?ssl=true");
        var s1 = new MongoClientSettings { Server = new MongoServerAddress("localhost"), UseTls = true };
        var s2 = new MongoClientSettings { UseTls = true, ConnectTimeout = System.TimeSpan.FromSeconds(10) };
        var s3 = new MongoClientSettings();
        s3.UseTls = true;
        s3.ApplicationName = "orders";
        var s4 = new MongoClientSettings();
        s4.UseTls = true;
    }
}
""", EnableTlsFixer.EnableAndRemoveKey);
        }

        /// <summary>TLS already switched off where the fix would turn it on is turned around, never written twice (CS1912, tls=false&amp;tls=true).</summary>
        [Fact]
        public async Task TurnsAnExistingTlsOffAround()
        {
            await Mta009.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://localhost/?tls=false&w=1&{|MTA009:tlsInsecure=true|}");
        var s1 = new MongoClientSettings { UseTls = false, {|MTA009:AllowInsecureTls = true|} };
        var s2 = new MongoClientSettings();
        s2.UseTls = false;
        {|MTA009:s2.AllowInsecureTls = true|};
        var s3 = new MongoClientSettings { Server = new MongoServerAddress("db.example.com"), {|MTA009:UseTls = false|}, {|MTA009:AllowInsecureTls = true|} };
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var a = new MongoClient("mongodb://localhost/?tls=true&w=1&tlsInsecure=true");
        var s1 = new MongoClientSettings { UseTls = true, AllowInsecureTls = true };
        var s2 = new MongoClientSettings();
        s2.UseTls = true;
        s2.AllowInsecureTls = true;
        var s3 = new MongoClientSettings { Server = new MongoServerAddress("db.example.com"), UseTls = true, AllowInsecureTls = true };
    }
}
""", EnableTlsFixer.EnableKey);
        }

        /// <summary>A callback in <c>SslSettings</c> while TLS is off: TLS goes on at the settings object, turning its own <c>UseTls = false</c> around.</summary>
        [Fact]
        public async Task EnablesTlsForACallbackOnTheSettingsItBelongsTo()
        {
            await Mta009.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var s1 = new MongoClientSettings
        {
            UseTls = false,
            AllowInsecureTls = false,
            SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA009:(a, b, c, d) => true|} },
        };
        var s2 = new MongoClientSettings { SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA009:(a, b, c, d) => true|} } };
        var s4 = new MongoClientSettings { ApplicationName = "orders", {|MTA009:AllowInsecureTls = true|}, SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA009:(a, b, c, d) => true|} } };
        var s3 = new MongoClientSettings();
        s3.UseTls = false;
        s3.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA009:(a, b, c, d) => true|} };
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M()
    {
        var s1 = new MongoClientSettings
        {
            UseTls = true,
            AllowInsecureTls = false,
            SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => true },
        };
        var s2 = new MongoClientSettings { UseTls = true, SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => true } };
        var s4 = new MongoClientSettings { UseTls = true, ApplicationName = "orders", AllowInsecureTls = true, SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => true } };
        var s3 = new MongoClientSettings();
        s3.UseTls = true;
        s3.SslSettings = new SslSettings { ServerCertificateValidationCallback = (a, b, c, d) => true };
    }
}
""", EnableTlsFixer.EnableKey);
        }
    }
}
