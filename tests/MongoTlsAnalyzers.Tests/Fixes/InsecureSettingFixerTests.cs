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

        /// <summary>
        /// <c>if (opts.AllowInsecureTls) settings.AllowInsecureTls = true;</c> (MTA004): the whole <c>if</c> goes, or the
        /// guard joins its condition.
        /// </summary>
        [Fact]
        public async Task AGatedSettingTakesItsIfAlong()
        {
            const string source = /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoOptions
{
    public bool AllowInsecureTls { get; set; }
}

class Startup
{
    object Build(IHostEnvironment env, IConfiguration cfg, MongoOptions opts, MongoClientSettings settings, MongoClientSettings other, MongoClientSettings third)
    {
        settings.ApplicationName = "orders";
        if (opts.AllowInsecureTls) {|MTA004:settings.AllowInsecureTls = true|};
        if (!cfg.GetValue<bool>("Mongo:VerifyCertificates")) {|MTA004:other.AllowInsecureTls = true|}; // staging only
        if (opts.AllowInsecureTls)
        {
            {|MTA004:third.AllowInsecureTls = true|};
        }

        return settings;
    }
}
""";
            await Mta004.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoOptions
{
    public bool AllowInsecureTls { get; set; }
}

class Startup
{
    object Build(IHostEnvironment env, IConfiguration cfg, MongoOptions opts, MongoClientSettings settings, MongoClientSettings other, MongoClientSettings third)
    {
        settings.ApplicationName = "orders";

        return settings;
    }
}
""", InsecureSettingFixer.RemoveKey);
            await Mta004.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class MongoOptions
{
    public bool AllowInsecureTls { get; set; }
}

class Startup
{
    object Build(IHostEnvironment env, IConfiguration cfg, MongoOptions opts, MongoClientSettings settings, MongoClientSettings other, MongoClientSettings third)
    {
        settings.ApplicationName = "orders";
        if (env.IsDevelopment() && opts.AllowInsecureTls) settings.AllowInsecureTls = true;
        if (env.IsDevelopment() && !cfg.GetValue<bool>("Mongo:VerifyCertificates")) other.AllowInsecureTls = true; // staging only
        if (env.IsDevelopment() && opts.AllowInsecureTls)
        {
            third.AllowInsecureTls = true;
        }

        return settings;
    }
}
""", InsecureSettingFixer.GuardKey);
        }

        /// <summary>An <c>if</c> whose condition does something (a call that is not a read) stays: the setting is guarded inside it, never removed.</summary>
        [Fact]
        public async Task AnIfWithSideEffectsIsGuardedButNotRemoved()
        {
            const string source = /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class C
{
    void M(IHostEnvironment env, MongoClientSettings settings)
    {
        if (Load()) {|MTA003:settings.AllowInsecureTls = true|};
    }

    bool Load() => true;
}
""";
            await Mta003.VerifyAsync(source, source, InsecureSettingFixer.RemoveKey);
            await Mta003.VerifyAsync(source, /* lang=c#-test */ """

using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class C
{
    void M(IHostEnvironment env, MongoClientSettings settings)
    {
        if (Load()) if (env.IsDevelopment())
            {
                settings.AllowInsecureTls = true;
            }
    }

    bool Load() => true;
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
