using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta001 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta002 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta005 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.IgnoredOptionRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta007 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>The helper tier: with MongoTlsAnalyzers.Settings referenced, the settings are rewritten into the options-bound form.</summary>
    public sealed class SecureSettingsFixerTests
    {
        private static readonly TestOptions WithHelper = new TestOptions { Drivers = new[] { DriverVersion.V3 }, ReferenceHelper = true };
        private const string Key = SecureSettingsFixer.Key;

        [Fact]
        public async Task HardCodedCredentialsBecomeTheConfigurationSection()
        {
            await Mta001.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Startup
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment) =>
        new MongoClient({|MTA001:"mongodb://orders:S3cret@db.example.com/orders"|});
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Startup
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment) =>
        new MongoClient(SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment));
}
""", Key, WithHelper);
        }

        /// <summary>Issue 15: with the helper, a second cluster gets its own section (a named client's), never the default one.</summary>
        [Fact]
        public async Task ASecondClusterGetsItsOwnSection()
        {
            await Mta001.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class OrdersStore
{
    IMongoClient Create(IConfiguration configuration) =>
        new MongoClient({|MTA001:"mongodb://orders:S3cretOrders@orders.example.com/orders"|});
}

class ReportingStore
{
    IMongoClient Create(IConfiguration configuration) =>
        new MongoClient({|MTA001:"mongodb://report:S3cretReport@reporting.example.com/reports"|});
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class OrdersStore
{
    IMongoClient Create(IConfiguration configuration) =>
        new MongoClient(SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB")));
}

class ReportingStore
{
    IMongoClient Create(IConfiguration configuration) =>
        new MongoClient(SecureMongoSettings.FromConfiguration(configuration.GetSection("Reporting")));
}
""", Key, WithHelper);
        }

        [Fact]
        public async Task BoundOptionsArePreferredAndIgnoredOptionsGoWithTheString()
        {
            const string before = /* lang=c#-test */ """

using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Repository
{
    private readonly MongoClientSettings _settings;

    public Repository(IOptions<SecureMongoOptions> options)
    {
        _settings = MongoClientSettings.FromConnectionString("mongodb://localhost/?tls=true&{|MTA005:tlsAllowInvalidHostnames=true|}");
    }
}
""";
            const string after = /* lang=c#-test */ """

using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Repository
{
    private readonly MongoClientSettings _settings;

    public Repository(IOptions<SecureMongoOptions> options)
    {
        _settings = SecureMongoSettings.Build(options.Value);
    }
}
""";
            await Mta005.VerifyAsync(before, after, Key, WithHelper);
            await Mta002.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Repository
{
    private readonly MongoClientSettings _settings;

    public Repository(IOptions<SecureMongoOptions> options)
    {
        _settings = MongoClientSettings.FromConnectionString({|MTA002:"mongodb://db.example.com/?tls=true&tlsAllowInvalidHostnames=true"|});
    }
}
""",
                after,
                Key,
                WithHelper);
        }

        [Fact]
        public async Task InsecureAndShortSettingsOnALocalAreRebuiltByTheHelper()
        {
            await Mta003.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(string uri)
    {
        var settings = MongoClientSettings.FromConnectionString(uri);
        {|MTA003:settings.AllowInsecureTls = true|};
        return new MongoClient(settings);
    }
}
""", /* lang=c#-test */ """

using System;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Factory
{
    IMongoClient Create(string uri)
    {
        var settings = SecureMongoSettings.Build(new SecureMongoOptions { ConnectionString = Environment.GetEnvironmentVariable("MONGODB_URI") });
        return new MongoClient(settings);
    }
}
""", Key, WithHelper);

            await Mta007.VerifyAsync(/* lang=c#-test */ """

using System;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        var settings = MongoClientSettings.FromConnectionString(configuration["Mongo"]);
        {|MTA007:settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2)|};
        return new MongoClient(settings);
    }
}
""", /* lang=c#-test */ """

using System;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"));
        return new MongoClient(settings);
    }
}
""", Key, WithHelper);

            await Mta004.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = MongoClientSettings.FromConnectionString(configuration["Mongo"]);
        {|MTA004:settings.AllowInsecureTls = configuration.GetValue<bool>("Mongo:Insecure")|};
        return new MongoClient(settings);
    }
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment);
        return new MongoClient(settings);
    }
}
""", Key, WithHelper);
        }

        [Fact]
        public async Task AcceptAllCallbacksBecomeTheCustomCaValidator()
        {
            await Mta003.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class Factory
{
    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA003:(sender, certificate, chain, errors) => true|} };
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Factory
{
    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = CustomCaCertificateValidator.FromPemFile(System.Environment.GetEnvironmentVariable("MONGODB_TLS_CA_FILE") ?? throw new System.InvalidOperationException("Set the MONGODB_TLS_CA_FILE environment variable to the CA certificate file (PEM).")).Validate };
    }
}
""", Key, WithHelper);
        }

        [Fact]
        public async Task NotOfferedWithoutTheHelper()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M() => new MongoClient({|MTA001:"mongodb://orders:S3cret@db.example.com"|});
}
""";
            await Mta001.VerifyAsync(source, source, Key);
        }
    }
}
