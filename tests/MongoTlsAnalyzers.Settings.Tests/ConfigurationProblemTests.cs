using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>
    /// Refusals: every problem on its own line with its configuration key, the same text through DI and the direct
    /// API, no false problem on top of a real one, and conflicts between the URI and the section refused.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class ConfigurationProblemTests
    {
        private readonly TestCertificates _certificates;

        public ConfigurationProblemTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData(null, "MongoDB:ConnectionString is missing: ")]
        [InlineData("mongodb://admin:S3cret@db.example.com:99999/", "MongoDB:ConnectionString is not a valid MongoDB connection string: Host 'db.example.com:99999' is not valid.")]
        [InlineData("mongodb://orders@db.example.com/", "MongoDB:ConnectionString names the user 'orders' but no password: ")]
        public void ABrokenConnectionStringAddsNoFalseTlsProblem(string? connectionString, string expectedStart)
        {
            var options = new SecureMongoOptions { ConnectionString = connectionString };
            options.Tls.CaCertificatePath = _certificates.CaPemPath;
            Assert.StartsWith(expectedStart, Assert.Single(SecureMongoSettings.Validate(options)), StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("mongodb://admin:p@ss@db.example.com/", "MongoDB:ConnectionString is not a valid MongoDB connection string: The connection string '<connection string>' is not valid. The user name or password contains an unencoded '@': write it as %40, or better, move the password to MongoDB:Password, which needs no encoding.")]
        [InlineData("mongodb://admin:100%sure@db.example.com/", "MongoDB:ConnectionString is not a valid MongoDB connection string: The connection string '<connection string>' contains an invalid '%' escape sequence. A '%' in the user name or password must be written %25; or move the password to MongoDB:Password, which needs no encoding.")]
        [InlineData("mongodb://db.example.com/?connectTimeoutMS=abc", "MongoDB:ConnectionString is not a valid MongoDB connection string: connectTimeoutMS has an invalid TimeSpan value of abc. Timeouts in a connection string are whole milliseconds (connectTimeoutMS=10000); or set them in MongoDB:Timeouts as 00:00:10.")]
        [InlineData("mongodb://db.example.com/?tls=maybe", "MongoDB:ConnectionString is not a valid MongoDB connection string: tls has an invalid boolean value of maybe.")]
        [InlineData("mongodb://db.example.com/?readPreference=fastest", "MongoDB:ConnectionString is not a valid MongoDB connection string: readPreference has an invalid MongoDB.Driver.ReadPreferenceMode value of fastest.")]
        [InlineData("postgres://db.example.com/", "MongoDB:ConnectionString is not a valid MongoDB connection string: The connection string '<connection string>' is not valid. It must start with mongodb:// or mongodb+srv://.")]
        [InlineData("mongodb://admin:S3cret@db.example.com/?authMechanism=BOGUS", "MongoDB:ConnectionString: authMechanism 'BOGUS' is not supported by the .NET driver; use SCRAM-SHA-256, SCRAM-SHA-1, MONGODB-X509, MONGODB-AWS, GSSAPI, PLAIN or MONGODB-OIDC, or remove it to let the driver negotiate SCRAM.")]
        public void MalformedConnectionStringsGetTheirReasonAndFix(string connectionString, string expected) =>
            Assert.Equal(expected, Assert.Single(SecureMongoSettings.Validate(new SecureMongoOptions { ConnectionString = connectionString })));

        [Theory]
        [InlineData("Timeouts:Connect", "15s", "MongoDB:Timeouts:Connect '15s' is not a time span; write [d.]hh:mm:ss[.fff], for example 00:00:15 for 15 seconds or 00:00:00.500 for 500 ms.")]
        [InlineData("Pool:MaxIdleTime", "5 minutes", "MongoDB:Pool:MaxIdleTime '5 minutes' is not a time span; write [d.]hh:mm:ss[.fff], for example 00:00:15 for 15 seconds or 00:00:00.500 for 500 ms.")]
        [InlineData("Tls:Enabled", "yes", "MongoDB:Tls:Enabled 'yes' is not true or false.")]
        [InlineData("Pool:MaxSize", "lots", "MongoDB:Pool:MaxSize 'lots' is not a whole number.")]
        [InlineData("Tls:RevocationMode", "Sometimes", "MongoDB:Tls:RevocationMode 'Sometimes' is not one of NoCheck, Online, Offline.")]
        [InlineData("Tls:MinimumProtocol", "Tls11", "MongoDB:Tls:MinimumProtocol 'Tls11' is not supported; use Tls12 or Tls13 (TLS 1.0 and 1.1 are broken).")]
        [InlineData("ReadPreference", "Fastest", "MongoDB:ReadPreference 'Fastest' is not one of Primary, PrimaryPreferred, Secondary, SecondaryPreferred, Nearest.")]
        public void ValuesOfTheWrongFormAreListedWithTheOtherProblemsTheSameThroughDiAndDirectly(string key, string value, string expected)
        {
            var values = new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = "mongodb://db.example.com/?tls=true&tlsCAFile=/ca.pem",
                ["MongoDB:" + key] = value,
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            var direct = Assert.Throws<SecureMongoConfigurationException>(() => SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB")));
            Assert.Equal(2, direct.Problems.Count);
            Assert.Contains(expected, direct.Problems);
            Assert.Contains(direct.Problems, p => p.StartsWith("The option 'tlsCAFile'", StringComparison.Ordinal));

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(values);
            builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            using var host = builder.Build();
            var throughDi = Assert.Throws<OptionsValidationException>(() => host.Start());
            Assert.Equal(direct.Message, throughDi.Message);
            Assert.Equal(3, direct.Message.Split(Environment.NewLine).Length);
        }

        [Theory]
        [InlineData("mongodb://db.example.com/?tls=true&connectTimeoutMS=5000", "Connect", "MongoDB:Timeouts:Connect is 00:00:10 but MongoDB:ConnectionString sets connectTimeoutMS=5000 (00:00:05); set this timeout in one place only.")]
        [InlineData("mongodb://db.example.com/?tls=true&serverSelectionTimeoutMS=20000", "ServerSelection", "MongoDB:Timeouts:ServerSelection is 00:00:10 but MongoDB:ConnectionString sets serverSelectionTimeoutMS=20000 (00:00:20); set this timeout in one place only.")]
        public void ATimeoutSetInBothPlacesWithDifferentValuesIsRefused(string connectionString, string name, string expected)
        {
            var options = new SecureMongoOptions { ConnectionString = connectionString };
            typeof(SecureMongoTimeoutOptions).GetProperty(name)!.SetValue(options.Timeouts, (TimeSpan?)TimeSpan.FromSeconds(10));
            options.Timeouts.AllowBelowRecommended = true;
            Assert.Equal(expected, Assert.Single(SecureMongoSettings.Validate(options)));
        }

        [Fact]
        public void TheSameTimeoutInBothPlacesIsAccepted()
        {
            var options = new SecureMongoOptions { ConnectionString = "mongodb://db.example.com/?tls=true&connectTimeoutMS=10000" };
            options.Timeouts.Connect = TimeSpan.FromSeconds(10);
            Assert.Equal(TimeSpan.FromSeconds(10), SecureMongoSettings.Build(options).ConnectTimeout);
        }

        [Theory]
        [InlineData("mongodb+srv://cluster0.example.net/", false, "MongoDB:Tls:Enabled is false but MongoDB:ConnectionString turns TLS on (tls=true, or mongodb+srv://); TLS is set in one place only: remove MongoDB:Tls:Enabled, or tls=true from the connection string.")]
        [InlineData("mongodb://db.example.com/?tls=true", false, "MongoDB:Tls:Enabled is false but MongoDB:ConnectionString turns TLS on (tls=true, or mongodb+srv://); TLS is set in one place only: remove MongoDB:Tls:Enabled, or tls=true from the connection string.")]
        [InlineData("mongodb://db.example.com/?tls=false", true, "MongoDB:Tls:Enabled is true but MongoDB:ConnectionString has tls=false; TLS is set in one place only: remove tls=false from the connection string, or MongoDB:Tls:Enabled.")]
        public void TlsOnInOnePlaceAndOffInTheOtherIsRefused(string connectionString, bool enabled, string expected) =>
            Assert.Equal(expected, Assert.Single(SecureMongoSettings.Validate(new SecureMongoOptions { ConnectionString = connectionString, Tls = { Enabled = enabled } })));

        [Fact]
        public void TlsEnabledWithoutTlsInTheConnectionStringTurnsItOn() =>
            Assert.True(SecureMongoSettings.Build(new SecureMongoOptions { ConnectionString = "mongodb://db.example.com/", Tls = { Enabled = true } }).UseTls);

        [Fact]
        public void WithCustomCaOnAConnectionWithoutTlsThrows()
        {
            var failure = Assert.Throws<InvalidOperationException>(() => MongoClientSettings.FromConnectionString("mongodb://db.example.com/").WithCustomCa(_certificates.CaPemPath));
            Assert.StartsWith("WithCustomCa needs TLS, but these settings do not use it", failure.Message, StringComparison.Ordinal);
            Assert.NotNull(MongoClientSettings.FromConnectionString("mongodb://db.example.com/?tls=true").WithCustomCa(_certificates.CaPemPath).SslSettings.ServerCertificateValidationCallback);
        }
    }
}
