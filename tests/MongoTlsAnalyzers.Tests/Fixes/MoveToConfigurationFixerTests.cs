using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Credentials = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule, MongoTlsAnalyzers.CodeFixes.Fixes.MoveToConfigurationFixer>;
using ConnectionString = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule, MongoTlsAnalyzers.CodeFixes.Fixes.MoveToConfigurationFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    public sealed class MoveToConfigurationFixerTests
    {
        private const string Key = MoveToConfigurationFixer.EquivalenceKey;

        [Fact]
        public async Task LiteralArgumentWithoutConfigurationReadsTheEnvironment()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.example.com"|});
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
}
""", Key);
        }

        [Fact]
        public async Task TopLevelLocalsOfAnotherFileAreNotUsed()
        {
            // Program.cs's top-level 'configuration' shows up in lookups everywhere, but using it from a class is CS8801.
            var options = new TestOptions
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                AdditionalSources = new[] { ("/0/Program.cs", "Microsoft.Extensions.Configuration.IConfiguration configuration = null!;\nSystem.Console.WriteLine(configuration);\n") },
            };
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

static class Factory
{
    public static object Create() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.example.com"|});
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

static class Factory
{
    public static object Create() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
}
""", Key, options);
        }

        [Fact]
        public async Task PrimaryConstructorParametersAreUsed()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Repository(IConfiguration configuration)
{
    public object Create() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.example.com"|});
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Repository(IConfiguration configuration)
{
    public object Create() => new MongoClient(configuration.GetConnectionString("MongoDB") ?? throw new System.InvalidOperationException("The connection string 'MongoDB' is not configured; set ConnectionStrings:MongoDB."));
}
""", Key);
        }

        [Fact]
        public async Task ConfigurationParameterIsPreferred()
        {
            await ConnectionString.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;

class Repository
{
    private readonly IMongoClient _client;

    public Repository(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        _client = new MongoClient({|MTA002:"mongodb://db.example.com:27017"|});
    }
}
""", /* lang=c#-test */ """

using System;
using MongoDB.Driver;
using Microsoft.Extensions.Configuration;

class Repository
{
    private readonly IMongoClient _client;

    public Repository(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        _client = new MongoClient(configuration.GetConnectionString("MongoDB") ?? throw new InvalidOperationException("The connection string 'MongoDB' is not configured; set ConnectionStrings:MongoDB."));
    }
}
""", Key);
        }
    
        [Fact]
        public async Task HostContextConfigurationIsUsed()
        {
            await ConnectionString.VerifyAsync(/* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

static class Setup
{
    public static void Configure(HostBuilderContext context, IServiceCollection services)
    {
        services.AddSingleton<IMongoClient>(new MongoClient({|MTA002:"mongodb://db.example.com"|}));
    }
}
""", /* lang=c#-test */ """

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

static class Setup
{
    public static void Configure(HostBuilderContext context, IServiceCollection services)
    {
        services.AddSingleton<IMongoClient>(new MongoClient(context.Configuration.GetConnectionString("MongoDB") ?? throw new System.InvalidOperationException("The connection string 'MongoDB' is not configured; set ConnectionStrings:MongoDB.")));
    }
}
""", Key);
        }

        [Fact]
        public async Task BuilderConfigurationInTopLevelStatements()
        {
            var options = new TestOptions
            {
                OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                AdditionalSources = new[] { ("/0/Builder.cs", "public sealed class AppBuilder { public Microsoft.Extensions.Configuration.IConfiguration Configuration { get; } = null!; public static AppBuilder Create() => new AppBuilder(); }") },
            };
            await Credentials.VerifyAsync(/* lang=c#-test */ """
using MongoDB.Driver;

var builder = AppBuilder.Create();
var client = new MongoClient({|MTA001:"mongodb://app:9fJ2kLx@db.example.com/app"|});
System.Console.WriteLine(client.Settings.Server);

""", /* lang=c#-test */ """
using MongoDB.Driver;
using Microsoft.Extensions.Configuration;

var builder = AppBuilder.Create();
var client = new MongoClient(builder.Configuration.GetConnectionString("MongoDB") ?? throw new System.InvalidOperationException("The connection string 'MongoDB' is not configured; set ConnectionStrings:MongoDB."));
System.Console.WriteLine(client.Settings.Server);

""", Key, options);
        }

        [Fact]
        public async Task ConstUsedBySeveralSinksIsInlinedAndRemoved()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    private const string Conn = {|MTA001:"mongodb://admin:S3cret@db.example.com"|};

    object A() => new MongoClient(Conn);
    object B() => MongoClientSettings.FromConnectionString(C.Conn);
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object A() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
    object B() => MongoClientSettings.FromConnectionString(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
}
""", Key);
        }

        [Fact]
        public async Task ConcatenationIsReplacedAndItsConstantsRemoved()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    private const string Scheme = "mongodb://";
    private const string Host = "db.example.com";

    object M() => new MongoClient(Scheme + {|MTA001:"admin:S3cret@"|} + Host);
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
}
""", Key);
        }

        [Fact]
        public async Task HardCodedFallbackBecomesAClearFailure()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M() => new MongoClient(Environment.GetEnvironmentVariable("MONGO_URL") ?? {|MTA001:"mongodb://admin:S3cret@db.example.com"|});
    object N() => new MongoClient($"mongodb://admin:{Environment.GetEnvironmentVariable("MONGO_PW") ?? {|MTA001:"hunter22"|}}@db.example.com");
}
""", /* lang=c#-test */ """

using System;
using MongoDB.Driver;

class C
{
    object M() => new MongoClient(Environment.GetEnvironmentVariable("MONGO_URL") ?? throw new InvalidOperationException("The MongoDB connection string is not configured."));
    object N() => new MongoClient($"mongodb://admin:{Environment.GetEnvironmentVariable("MONGO_PW") ?? throw new InvalidOperationException("The MongoDB connection string is not configured.")}@db.example.com");
}
""", Key);
        }

        [Fact]
        public async Task CredentialArgumentReadsThePassword()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    private const string Pw = "S3cret";

    object M() => MongoCredential.CreateCredential("admin", "app", {|MTA001:Pw|});
    object N(Microsoft.Extensions.Configuration.IConfiguration config) => new PasswordEvidence({|MTA001:"Tr0ub4dor"|});
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M() => MongoCredential.CreateCredential("admin", "app", System.Environment.GetEnvironmentVariable("MONGODB_PASSWORD") ?? throw new System.InvalidOperationException("Set the MONGODB_PASSWORD environment variable to the MongoDB password."));
    object N(Microsoft.Extensions.Configuration.IConfiguration config) => new PasswordEvidence(config["MongoDB:Password"] ?? throw new System.InvalidOperationException("The configuration value 'MongoDB:Password' is not set."));
}
""", Key);
        }

        [Fact]
        public async Task LocalConstantLosesConst()
        {
            await ConnectionString.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M()
    {
        const string conn = {|MTA002:"mongodb://db.example.com"|};
        return new MongoClient(conn);
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object M()
    {
        string conn = System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string.");
        return new MongoClient(conn);
    }
}
""", Key);
        }

        [Fact]
        public async Task ConstUsedInAnotherFileBecomesStaticReadonly()
        {
            var options = new TestOptions
            {
                AdditionalSources = new[] { ("/0/Use.cs", "using MongoDB.Driver; class Use { object M() => new MongoClient(Settings.Conn); }") },
            };
            await ConnectionString.VerifyAsync(/* lang=c#-test */ """

public static class Settings
{
    public const string Conn = {|MTA002:"mongodb://db.example.com"|};
}
""", /* lang=c#-test */ """

public static class Settings
{
    public static readonly string Conn = System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string.");
}
""", Key, options);
        }

        [Fact]
        public async Task ConstRequiredAsAConstantIsNotFixed()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    private const string Conn = {|MTA002:"mongodb://db.example.com"|};

    object M(string s = Conn) => new MongoClient(s);
}
""";
            await ConnectionString.VerifyAsync(source, source, Key);
        }

        [Fact]
        public async Task FixAllFixesEveryDiagnosticInTheDocumentWithOneKeyPerConnection()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    private const string Shared = {|MTA001:"mongodb://admin:S3cret@db1.example.com"|};

    object A() => new MongoClient(Shared);
    object B() => new MongoClient(Shared + "/?appName=b");
    object D() => new MongoClient({|MTA001:$"mongodb://admin:S3cret@db2.example.com/{nameof(D)}"|});
    object E() => new MongoUrl({|MTA001:@"mongodb://admin:S3cret@db3.example.com"|});
}
""", /* lang=c#-test */ """

using MongoDB.Driver;

class C
{
    object A() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI_SHARED") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_SHARED environment variable to the 'Shared' MongoDB connection string."));
    object B() => new MongoClient((System.Environment.GetEnvironmentVariable("MONGODB_URI_SHARED") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_SHARED environment variable to the 'Shared' MongoDB connection string.")) + "/?appName=b");
    object D() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new System.InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
    object E() => new MongoUrl(System.Environment.GetEnvironmentVariable("MONGODB_URI_2") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_2 environment variable to the 'MongoDB2' MongoDB connection string."));
}
""", Key);
        }
    }
}
