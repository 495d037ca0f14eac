using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CaConfigurationRule, MongoTlsAnalyzers.CodeFixes.Fixes.CaConfigurationFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// MTA006 on a CA option of a URI held by a local: the option goes from the literal and the validator is attached
    /// at the one sink the local reaches. Where the settings object cannot be reached, no fix: removing the CA alone
    /// would break the connection to a private-CA server.
    /// </summary>
    public sealed class CaUriOptionFixTests
    {
        [Fact]
        public async Task AttachesTheValidatorWhereALocalReachesTheSink()
        {
            var options = new TestOptions { Drivers = new[] { DriverVersion.V3 }, ReferenceHelper = true };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class Orders
{
    object Connect()
    {
        var uri = "mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}";
        return new MongoClient(uri);
    }

    object Settings()
    {
        const string Uri = "mongodb://db.example.com/?{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}&tls=true";
        var settings = MongoClientSettings.FromConnectionString(Uri);
        settings.ApplicationName = "orders";
        return settings;
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Orders
{
    object Connect()
    {
        var uri = "mongodb://db.example.com/?tls=true";
        return new MongoClient(MongoClientSettings.FromConnectionString(uri).WithCustomCa("/etc/ssl/corp-ca.pem"));
    }

    object Settings()
    {
        const string Uri = "mongodb://db.example.com/?tls=true";
        var settings = MongoClientSettings.FromConnectionString(Uri).WithCustomCa("/etc/ssl/corp-ca.pem");
        settings.ApplicationName = "orders";
        return settings;
    }
}
""", CaConfigurationFixer.TrustKey, options);
        }

        [Fact]
        public async Task WritesBclCodeForALocalWithoutTheHelper()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class Orders
{
    object Connect()
    {
        var uri = "mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}";
        return new MongoClient(uri);
    }
}
""", /* lang=c#-test */ """

using MongoDB.Driver;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

class Orders
{
    object Connect()
    {
        var uri = "mongodb://db.example.com/?tls=true";
        return new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString(uri), "/etc/ssl/corp-ca.pem"));
    }
""" + CaConfigurationFixerTests.BclMethods + /* lang=c#-test */ """


    /// <summary>Makes <paramref name="settings"/> trust the CA certificates in a PEM file.</summary>
    private static MongoClientSettings TrustCustomCa(MongoClientSettings settings, string caFile)
    {
        // Clone keeps what the connection string set (revocation checks, protocols).
        var sslSettings = settings.SslSettings?.Clone() ?? new SslSettings();
        sslSettings.ServerCertificateValidationCallback = ValidateWithCustomCa(caFile);
        settings.SslSettings = sslSettings;
        return settings;
    }
}
""", CaConfigurationFixer.TrustKey);
        }

        /// <summary>A URI used twice, one kept in a field, or one that reaches no sink: no fix (not even "remove", which would break the connection).</summary>
        [Fact]
        public async Task OffersNothingWhenTheSettingsCannotBeReached()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;

class Orders
{
    private const string Shared = "mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}";

    object Connect() => new MongoClient(Shared);

    object Twice()
    {
        var uri = "mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}";
        System.Console.WriteLine(uri.Length);
        return new MongoClient(uri);
    }

    string Nowhere()
    {
        var uri = "mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}";
        return uri;
    }
}
""";
            await Verify.VerifyAsync(source, source, CaConfigurationFixer.TrustKey);
        }
    }
}
