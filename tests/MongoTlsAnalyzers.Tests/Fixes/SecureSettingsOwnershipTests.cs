using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Mta002 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta003 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CertificateValidationDisabledRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta004 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.InsecureTlsFromConfigurationRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;
using Mta007 = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.TimeoutRule, MongoTlsAnalyzers.CodeFixes.Fixes.SecureSettingsFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// docs/architecture.md "Fixes": the helper tier owns the settings object it
    /// rebuilds. A later write to it in the method would override the helper's TLS validation or timeouts (or be lost),
    /// so the helper tier is not offered then; and a local only the rewritten expression read goes with it.
    /// </summary>
    public sealed class SecureSettingsOwnershipTests
    {
        private static readonly TestOptions WithHelper = new TestOptions { Drivers = new[] { DriverVersion.V3 }, ReferenceHelper = true };
        private const string Key = SecureSettingsFixer.Key;

        /// <summary>Each kind of write after <c>var settings = MongoClientSettings.FromConnectionString("...")</c>.</summary>
        public static TheoryData<string> LaterWrites => new TheoryData<string>
        {
            "settings.SslSettings = new SslSettings { EnabledSslProtocols = SslProtocols.Tls12, ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None };",
            "settings.ServerSelectionTimeout = TimeSpan.FromMinutes(30);",
            "settings.ConnectTimeout = TimeSpan.FromSeconds(30);",
            "settings.SocketTimeout = TimeSpan.FromMinutes(2);",
            "settings.WaitQueueTimeout = TimeSpan.FromSeconds(20);",
            "settings.HeartbeatInterval = TimeSpan.FromSeconds(20);",
            "settings.AllowInsecureTls = true;",
            "settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(checkCertificateRevocation: false));",
            "settings.Credential = MongoCredential.CreateCredential(\"admin\", \"orders\", Environment.GetEnvironmentVariable(\"MONGODB_PASSWORD\"));",
            "settings.ServerApi = new ServerApi(ServerApiVersion.V1);",
            "settings.ApplicationName = \"orders\";",
            "settings.Freeze();",
            "Configure(settings);",
        };

        [Theory]
        [MemberData(nameof(LaterWrites))]
        public async Task NotOfferedForAHardCodedUriWhenTheSettingsAreWrittenLater(string write)
        {
            var source = /* lang=c#-test */ """

using System;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = MongoClientSettings.FromConnectionString({|MTA002:"mongodb://db.example.com/?tls=true"|});
        WRITE
        return new MongoClient(settings);
    }

    static void Configure(MongoClientSettings settings)
    {
    }
}
""".Replace("WRITE", write);
            await Mta002.VerifyAsync(source, Plain(source), Key, WithHelper, null, Array.Empty<DiagnosticResult>(), Remaining(source, "MTA002", DiagnosticSeverity.Info));
        }

        [Theory]
        [MemberData(nameof(LaterWrites))]
        public async Task NotOfferedForAnInsecureStatementWhenTheSettingsAreWrittenLater(string write)
        {
            var source = /* lang=c#-test */ """

using System;
using System.Net.Security;
using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString("MongoDB"));
        {|MTA003:settings.AllowInsecureTls = true|};
        WRITE
        return new MongoClient(settings);
    }

    static void Configure(MongoClientSettings settings)
    {
    }
}
""".Replace("WRITE", write.Replace("settings.AllowInsecureTls = true;", "settings.AllowInsecureTls = environment.IsDevelopment();"));
            await Mta003.VerifyAsync(source, Plain(source), Key, WithHelper, null, Array.Empty<DiagnosticResult>(), Remaining(source, "MTA003", DiagnosticSeverity.Warning));
        }

        [Fact]
        public async Task NotOfferedForAShortTimeoutWhenTlsIsSetLater()
        {
            const string source = /* lang=c#-test */ """

using System;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        var settings = MongoClientSettings.FromConnectionString(configuration["Mongo"]);
        {|MTA007:settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2)|};
        settings.SslSettings = new SslSettings { CheckCertificateRevocation = false };
        return new MongoClient(settings);
    }
}
""";
            await Mta007.VerifyAsync(source, Plain(source), Key, WithHelper, null, Array.Empty<DiagnosticResult>(), Remaining(source, "MTA007", DiagnosticSeverity.Warning));
        }

        [Fact]
        public async Task NotOfferedWhenAFieldIsWrittenLaterInTheConstructor()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;

class Repository
{
    private readonly MongoClientSettings _settings;

    public Repository()
    {
        _settings = MongoClientSettings.FromConnectionString({|MTA002:"mongodb://db.example.com/?tls=true"|});
        this._settings.ApplicationName = "orders";
    }
}
""";
            await Mta002.VerifyAsync(source, Plain(source), Key, WithHelper, null, Array.Empty<DiagnosticResult>(), Remaining(source, "MTA002", DiagnosticSeverity.Info));
        }

        [Fact]
        public async Task OfferedWhenTheSettingsOnlyReachTheClient()
        {
            await Mta002.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = MongoClientSettings.FromConnectionString({|MTA002:"mongodb://db.example.com/?tls=true"|});
        var client = new MongoClient(settings);
        return client;
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
        var client = new MongoClient(settings);
        return client;
    }
}
""", Key, WithHelper);
        }

        [Fact]
        public async Task TheConnectionStringReadOnlyTheOldCallUsedGoesWithIt()
        {
            await Mta004.VerifyAsync(/* lang=c#-test */ """

using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration, IHostEnvironment environment)
    {
        var cs = configuration.GetConnectionString("MongoDB") ?? throw new InvalidOperationException("Set ConnectionStrings:MongoDB.");
        var settings = MongoClientSettings.FromConnectionString(cs);
        {|MTA004:settings.AllowInsecureTls = configuration.GetValue<bool>("Mongo:Insecure")|};
        return new MongoClient(settings);
    }
}
""", /* lang=c#-test */ """

using System;
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
        public async Task ALocalReadElsewhereStays()
        {
            await Mta003.VerifyAsync(/* lang=c#-test */ """

using System;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        var cs = configuration.GetConnectionString("MongoDB") ?? throw new InvalidOperationException("Set ConnectionStrings:MongoDB.");
        Console.WriteLine(cs.Length);
        var settings = MongoClientSettings.FromConnectionString(cs);
        {|MTA003:settings.AllowInsecureTls = true|};
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
        var cs = configuration.GetConnectionString("MongoDB") ?? throw new InvalidOperationException("Set ConnectionStrings:MongoDB.");
        Console.WriteLine(cs.Length);
        var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"));
        return new MongoClient(settings);
    }
}
""", Key, WithHelper);
        }

        [Fact]
        public async Task TheReadsBehindAnAssembledUriGoWithIt()
        {
            await Mta002.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        var database = configuration["Mongo:Database"];
        return new MongoClient({|MTA002:"mongodb://db.example.com/"|} + database + "?tls=true");
    }
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Factory
{
    IMongoClient Create(IConfiguration configuration)
    {
        return new MongoClient(SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB")));
    }
}
""", Key, WithHelper);
        }
    
        /// <summary>The source without its one markup span: what the code is when the helper tier is not offered.</summary>
        private static string Plain(string source)
        {
            var start = source.IndexOf("{|", StringComparison.Ordinal);
            var colon = source.IndexOf(':', start);
            var end = source.IndexOf("|}", colon, StringComparison.Ordinal);
            return source.Substring(0, start) + source.Substring(colon + 1, end - colon - 1) + source.Substring(end + 2);
        }

        /// <summary>The diagnostic the markup stands for, still there after the (absent) fix.</summary>
        private static DiagnosticResult[] Remaining(string source, string id, DiagnosticSeverity severity)
        {
            var start = source.IndexOf("{|", StringComparison.Ordinal);
            var colon = source.IndexOf(':', start);
            var end = source.IndexOf("|}", colon, StringComparison.Ordinal);
            var (line, column) = Position(source, start);
            var (endLine, endColumn) = Position(source, end - (colon + 1 - start));
            return new[] { new DiagnosticResult(id, severity).WithSpan(line, column, endLine, endColumn) };
        }

        private static (int Line, int Column) Position(string text, int offset)
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < offset; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, offset - lineStart + 1);
        }
    }
}
