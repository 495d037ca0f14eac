using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>The password kept apart from the connection string, and the Stable API option.</summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class CredentialsAndServerApiTests
    {
        private const string AwkwardPassword = "p@ss:w/rd %+?#[]&=é";

        private readonly TestCertificates _certificates;

        public CredentialsAndServerApiTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public void ThePasswordSettingJoinsAConnectionStringWithoutSecret()
        {
            var settings = SecureMongoSettings.Build(new SecureMongoOptions
            {
                ConnectionString = "mongodb://orders-svc@db1.internal:27017,db2.internal:27017/orders?replicaSet=rs0&tls=true",
                Password = AwkwardPassword,
            });
            Assert.Equal(MongoCredential.CreateCredential("orders", "orders-svc", AwkwardPassword), settings.Credential);
            Assert.Equal(2, settings.Servers.Count());
            Assert.Equal("rs0", settings.ReplicaSetName);
        }

        [Fact]
        public void UsernameAndPasswordSettingsNeedNoUserInTheConnectionString()
        {
            var settings = SecureMongoSettings.Build(new SecureMongoOptions
            {
                ConnectionString = "mongodb+srv://cluster0.example.net/orders?authSource=admin",
                Username = "orders@svc",
                Password = AwkwardPassword,
            });
            Assert.Equal(MongoCredential.CreateCredential("admin", "orders@svc", AwkwardPassword), settings.Credential);
        }

        [Theory]
        [InlineData("mongodb://orders-svc:Other-Passw0rd@db.example.com/?tls=true", null, "MongoDB:Password is set and MongoDB:ConnectionString holds a password too; remove the password from MongoDB:ConnectionString.")]
        [InlineData("mongodb://db.example.com/?tls=true", null, "MongoDB:Password is set but no user name is: set MongoDB:Username, or put the user in MongoDB:ConnectionString (mongodb://user@host).")]
        [InlineData("mongodb://orders-svc@db.example.com/?tls=true", "reports-svc", "MongoDB:Username 'reports-svc' and the user 'orders-svc' in MongoDB:ConnectionString differ; name the user in one place only.")]
        public void CredentialConflictsAreRefused(string connectionString, string? username, string expected)
        {
            var options = new SecureMongoOptions { ConnectionString = connectionString, Username = username, Password = AwkwardPassword };
            var problems = SecureMongoSettings.Validate(options);
            Assert.Equal(expected, Assert.Single(problems));
            Assert.DoesNotContain(AwkwardPassword, problems[0], StringComparison.Ordinal);
            Assert.DoesNotContain("Other-Passw0rd", problems[0], StringComparison.Ordinal);
        }

        [Fact]
        public async Task TheReadmeAppsettingsExampleStartsWithThePasswordFromUserSecrets()
        {
            var json = ReadmeAppsettingsExample();
            Assert.StartsWith("{\n  \"MongoDB\": {\n    \"ConnectionString\": \"mongodb://orders-svc@db1.internal:27017", json, StringComparison.Ordinal);
            var file = Path.Combine(_certificates.Directory, "appsettings.json");
            File.WriteAllText(file, json);

            // As written, only the CA file (a path on the reader's machine) and the password (a secret) are missing.
            var asWritten = Host(file, new Dictionary<string, string?>());
            var failure = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => asWritten.Start());
            Assert.Equal(
                new[]
                {
                    "MongoDB:ConnectionString names the user 'orders-svc' but no password: set MongoDB:Password (user secrets or the environment), or name an authentication mechanism that needs none, such as authMechanism=MONGODB-X509.",
                    "MongoDB:Tls:CaCertificatePath '/etc/ssl/corp-root-ca.pem' cannot be read: ",
                },
                failure.Message.Split(Environment.NewLine).Skip(1).Select(line => Regex.Replace(line.Substring(2), "cannot be read: .*", "cannot be read: ")));

            // With the password from user secrets (a later provider) and the CA present, it starts.
            using var host = Host(file, new Dictionary<string, string?>
            {
                ["MongoDB:Password"] = AwkwardPassword,
                ["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath,
            });
            await host.StartAsync();
            var client = host.Services.GetRequiredService<IMongoClient>();
            Assert.Equal(MongoCredential.CreateCredential("orders", "orders-svc", AwkwardPassword), client.Settings.Credential);
            Assert.Equal("orders-service", client.Settings.ApplicationName);
            Assert.Equal("orders", host.Services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);
            await host.StopAsync();
        }

        [Fact]
        public void TheStableApiIsSetAsAtlasSnippetSetsIt()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = "mongodb+srv://cluster0.example.mongodb.net/?retryWrites=true&w=majority",
                ["MongoDB:ServerApi:Version"] = "1",
                ["MongoDB:ServerApi:Strict"] = "true",
                ["MongoDB:ServerApi:DeprecationErrors"] = "true",
            }).Build();
            var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"));
            Assert.Equal(new ServerApi(ServerApiVersion.V1, strict: true, deprecationErrors: true), settings.ServerApi);
            Assert.Equal(new ServerApi(ServerApiVersion.V1), SecureMongoSettings.Build(new SecureMongoOptions { ConnectionString = "mongodb+srv://c.example.net/", ServerApi = { Version = "V1" } }).ServerApi);
            Assert.Null(SecureMongoSettings.Build(new SecureMongoOptions { ConnectionString = "mongodb+srv://c.example.net/" }).ServerApi);
        }

        [Fact]
        public void StableApiMistakesAreRefused()
        {
            Assert.Equal(
                "MongoDB:ServerApi:Version '2' is not a Stable API version; use 1.",
                Assert.Single(SecureMongoSettings.Validate(new SecureMongoOptions { ConnectionString = "mongodb+srv://c.example.net/", ServerApi = { Version = "2" } })));
            Assert.Equal(
                "MongoDB:ServerApi:Strict and MongoDB:ServerApi:DeprecationErrors need MongoDB:ServerApi:Version; set it to 1.",
                Assert.Single(SecureMongoSettings.Validate(new SecureMongoOptions { ConnectionString = "mongodb+srv://c.example.net/", ServerApi = { Strict = true } })));
        }

        /// <summary>The first JSON block of the README's runtime-helper section, as the reader copies it.</summary>
        private static string ReadmeAppsettingsExample()
        {
            var readme = File.ReadAllText(TestRepository.Combine("README.md")).Replace("\r\n", "\n");
            var section = readme.Substring(readme.IndexOf("## The runtime helper", StringComparison.Ordinal));
            var match = Regex.Match(section, "```json\n(.*?)```", RegexOptions.Singleline);
            Assert.True(match.Success, "The README's runtime-helper section has no ```json block.");
            return match.Groups[1].Value;
        }

        private static IHost Host(string appsettings, Dictionary<string, string?> userSecrets)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddJsonFile(appsettings, optional: false);
            builder.Configuration.AddInMemoryCollection(userSecrets);
            builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            return builder.Build();
        }
    }
}
