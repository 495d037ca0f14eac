using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule, MongoTlsAnalyzers.CodeFixes.Fixes.InsecureSettingFixer>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule, MongoTlsAnalyzers.CodeFixes.Fixes.InsecureSettingFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>InsecureSettingFixer (MTA003, MTA004): guard with a Development check, or remove the insecure setting.</summary>
    public sealed class InsecureSettingFixerTests
    {
        [Fact]
        public async Task WrapsStatementsInADevelopmentGuard()
        {
            await Mta003.VerifyAsync(/* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;

class Startup
{
    object Build(Microsoft.Extensions.Hosting.IHostEnvironment env, string uri)
    {
        var settings = MongoClientSettings.FromConnectionString(uri);
        {|MTA003:settings.AllowInsecureTls = true|}; // the staging cluster's certificate is self-signed
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA003:(sender, certificate, chain, errors) => true|} };
        return settings;
    }
}
""", /* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;
using Microsoft.Extensions.Hosting;

class Startup
{
    object Build(Microsoft.Extensions.Hosting.IHostEnvironment env, string uri)
    {
        var settings = MongoClientSettings.FromConnectionString(uri);
        if (env.IsDevelopment())
        {
            settings.AllowInsecureTls = true; // the staging cluster's certificate is self-signed
        }
        if (env.IsDevelopment())
        {
            settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true };
        }
        return settings;
    }
}
""", InsecureSettingFixer.GuardKey);
        }

        [Fact]
        public async Task InitializerMembersTakeTheGuardAsTheirValue()
        {
            await Mta004.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Startup
{
    object Build(IHostEnvironment env, IConfiguration cfg) =>
        new MongoClientSettings { UseTls = true, {|MTA004:AllowInsecureTls = cfg.GetValue<bool>("Mongo:Insecure")|} };
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Startup
{
    object Build(IHostEnvironment env, IConfiguration cfg) =>
        new MongoClientSettings { UseTls = true, AllowInsecureTls = env.IsDevelopment() && cfg.GetValue<bool>("Mongo:Insecure") };
}
""", InsecureSettingFixer.GuardKey);
        }

        [Fact]
        public async Task NoGuardFixWithoutAnEnvironment()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        {|MTA003:settings.AllowInsecureTls = true|};
    }
}
""";
            await Mta003.VerifyAsync(source, source, InsecureSettingFixer.GuardKey);
        }

        [Fact]
        public async Task RemovesInsecureSettings()
        {
            await Mta003.VerifyAsync(/* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        {|MTA003:settings.AllowInsecureTls = true|};
        var other = new MongoClientSettings { UseTls = true, {|MTA003:AllowInsecureTls = true|}, ApplicationName = "x" };
        settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(checkCertificateRevocation: true, serverCertificateValidationCallback: new RemoteCertificateValidationCallback({|MTA003:(a, b, c, d) => true|})));
        var client = new MongoClient("mongodb://h/?tls=true&{|MTA003:tlsInsecure=true|}&w=1");
    }
}
""", /* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;

class C
{
    void M(MongoClientSettings settings)
    {
        var other = new MongoClientSettings { UseTls = true, ApplicationName = "x" };
        settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(checkCertificateRevocation: true));
        var client = new MongoClient("mongodb://h/?tls=true&w=1");
    }
}
""", InsecureSettingFixer.RemoveKey);
        }

        [Fact]
        public async Task EmbeddedStatementsCanBeGuardedButNotRemoved()
        {
            const string source = /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class C
{
    void M(IHostEnvironment env, MongoClientSettings settings, bool flag)
    {
        if (flag) {|MTA003:settings.AllowInsecureTls = true|};
    }
}
""";
            await Mta003.VerifyAsync(source, source, InsecureSettingFixer.RemoveKey);
            await Mta003.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class C
{
    void M(IHostEnvironment env, MongoClientSettings settings, bool flag)
    {
        if (flag) if (env.IsDevelopment())
            {
                settings.AllowInsecureTls = true;
            }
    }
}
""", InsecureSettingFixer.GuardKey);
        }

        [Fact]
        public async Task GuardsAndRemovesAValueFromTheClassOwnProperty()
        {
            const string source = /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoConnectionFactory
{
    private readonly IHostEnvironment _env;

    public MongoConnectionFactory(IHostEnvironment env) => _env = env;

    public bool AllowInsecureTLS { get; set; }

    public MongoClientSettings Build(string uri)
    {
        var s = MongoClientSettings.FromConnectionString(uri);
        {|MTA004:s.AllowInsecureTls = AllowInsecureTLS|};
        return s;
    }
}
""";
            await Mta004.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoConnectionFactory
{
    private readonly IHostEnvironment _env;

    public MongoConnectionFactory(IHostEnvironment env) => _env = env;

    public bool AllowInsecureTLS { get; set; }

    public MongoClientSettings Build(string uri)
    {
        var s = MongoClientSettings.FromConnectionString(uri);
        if (_env.IsDevelopment())
        {
            s.AllowInsecureTls = AllowInsecureTLS;
        }
        return s;
    }
}
""", InsecureSettingFixer.GuardKey);
            await Mta004.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoConnectionFactory
{
    private readonly IHostEnvironment _env;

    public MongoConnectionFactory(IHostEnvironment env) => _env = env;

    public bool AllowInsecureTLS { get; set; }

    public MongoClientSettings Build(string uri)
    {
        var s = MongoClientSettings.FromConnectionString(uri);
        return s;
    }
}
""", InsecureSettingFixer.RemoveKey);
        }
    }
}
