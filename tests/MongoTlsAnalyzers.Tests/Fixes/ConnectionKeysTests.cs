using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.CodeBuilders;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Credentials = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule, MongoTlsAnalyzers.CodeFixes.Fixes.MoveToConfigurationFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// docs/rules/MTA001.md "Each connection its own key": moving hard-coded connection strings never sends two different
    /// ones to one key, in a single fix or in Fix All (the framework runs it in document, project and solution scope).
    /// </summary>
    public sealed class ConnectionKeysTests
    {
        private const string Key = MoveToConfigurationFixer.EquivalenceKey;

        private static string Read(string variable, string description) =>
            $"System.Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new System.InvalidOperationException(\"Set the {variable} environment variable to the {description}.\")";

        [Theory]
        [InlineData("ReportingConnectionString", "Reporting")]
        [InlineData("_analyticsMongoUri", "Analytics")]
        [InlineData("ORDERS_DB_URL", "Orders")]
        [InlineData("connectionString", "")]
        [InlineData("MongoClientSettings", "")]
        [InlineData("ArchiveStore", "Archive")]
        public void NamesDropTheWordsThatOnlySayConnectionString(string name, string expected)
        {
            Assert.Equal(expected, ConnectionKeys.Clean(name));
        }

        [Theory]
        [InlineData("MongoDB", "MONGODB_URI")]
        [InlineData("Reporting", "MONGODB_URI_REPORTING")]
        [InlineData("AuditLog", "MONGODB_URI_AUDIT_LOG")]
        [InlineData("MongoDB3", "MONGODB_URI_3")]
        public void EachNameHasItsOwnVariable(string name, string variable)
        {
            Assert.Equal(variable, ConnectionKeys.VariableFor(name));
        }

        [Fact]
        public async Task TwoClustersInOneFileGetTwoKeys()
        {
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class MainStore
{
    object Main() => new MongoClient({|MTA001:"mongodb://app:M4inPassw0rd@main.example.com"|});
}

class ReportingStore
{
    object Reporting() => new MongoClient({|MTA001:"mongodb://report:R3portPassw0rd@reporting.example.com"|});
}
""", /* lang=c#-test */ $$"""

using MongoDB.Driver;

class MainStore
{
    object Main() => new MongoClient({{Read("MONGODB_URI", "MongoDB connection string")}});
}

class ReportingStore
{
    object Reporting() => new MongoClient({{Read("MONGODB_URI_REPORTING", "'Reporting' MongoDB connection string")}});
}
""", Key);
        }

        [Fact]
        public async Task FiveClustersAcrossFilesAndTheSameUriTwiceInOneFile()
        {
            const string Other = /* lang=c#-test */ """

using MongoDB.Driver;

static class Clusters
{
    private const string AnalyticsConnectionString = {|MTA001:"mongodb://an:Analyt1csPass@analytics.example.com"|};
    public static MongoClient Analytics() => new MongoClient(AnalyticsConnectionString);
    public static readonly MongoClient Audit = new MongoClient({|MTA001:"mongodb://au:Aud1tPassw0rd@audit.example.com"|});
    public static MongoClient Other() => new MongoClient({|MTA001:"mongodb://ot:Oth3rPassw0rd@other.example.com"|});
}
""";
            const string OtherFixed = /* lang=c#-test */ """

using MongoDB.Driver;

static class Clusters
{
    public static MongoClient Analytics() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI_ANALYTICS") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_ANALYTICS environment variable to the 'Analytics' MongoDB connection string."));
    public static readonly MongoClient Audit = new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI_AUDIT") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_AUDIT environment variable to the 'Audit' MongoDB connection string."));
    public static MongoClient Other() => new MongoClient(System.Environment.GetEnvironmentVariable("MONGODB_URI_CLUSTERS") ?? throw new System.InvalidOperationException("Set the MONGODB_URI_CLUSTERS environment variable to the 'Clusters' MongoDB connection string."));
}
""";
            await Credentials.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class Program
{
    object Main() => new MongoClient({|MTA001:"mongodb://app:M4inPassw0rd@main.example.com"|});
    object MainAgain() => new MongoClient({|MTA001:"mongodb://app:M4inPassw0rd@main.example.com"|});
    object Reporting()
    {
        var reportingUri = {|MTA001:"mongodb://report:R3portPassw0rd@reporting.example.com"|};
        return new MongoClient(reportingUri);
    }
}
""", /* lang=c#-test */ $$"""

using MongoDB.Driver;

class Program
{
    object Main() => new MongoClient({{Read("MONGODB_URI", "MongoDB connection string")}});
    object MainAgain() => new MongoClient({{Read("MONGODB_URI", "MongoDB connection string")}});
    object Reporting()
    {
        var reportingUri = {{Read("MONGODB_URI_REPORTING", "'Reporting' MongoDB connection string")}};
        return new MongoClient(reportingUri);
    }
}
""", Key, new TestOptions { AdditionalSources = new[] { ("/0/Clusters.cs", Other) }, FixedAdditionalSources = new[] { ("/0/Clusters.cs", OtherFixed) } });
        }
    }
}
