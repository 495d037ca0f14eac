using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Authentication;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests
{
    [Collection(RealTlsCollection.Name)]
    public sealed class SecureMongoSettingsTests
    {
        private readonly TestCertificates _certificates;

        public SecureMongoSettingsTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        private static readonly IHostEnvironment Production = new Environment("Production");
        private static readonly IHostEnvironment Development = new Environment("Development");

        private static SecureMongoOptions Options(string connectionString, Action<SecureMongoOptions>? configure = null)
        {
            var options = new SecureMongoOptions { ConnectionString = connectionString };
            configure?.Invoke(options);
            return options;
        }

        private static string Problem(SecureMongoOptions options, IHostEnvironment? environment = null) =>
            Assert.Single(SecureMongoSettings.Validate(options, environment ?? Production));

        [Fact]
        public void SecureDefaults()
        {
            var settings = SecureMongoSettings.Build(Options("mongodb+srv://cluster0.example.net/orders"), Production);
            Assert.True(settings.UseTls);
            Assert.False(settings.AllowInsecureTls);
            Assert.Equal(SslProtocols.Tls12 | SslProtocols.Tls13, settings.SslSettings.EnabledSslProtocols);
            Assert.Null(settings.SslSettings.ServerCertificateValidationCallback);
            Assert.NotSame(settings, SecureMongoSettings.Build(Options("mongodb+srv://cluster0.example.net/orders"), Production));
        }

        [Fact]
        public void MissingConnectionString() =>
            Assert.Equal("MongoDB:ConnectionString is missing: set it to the cluster's mongodb:// or mongodb+srv:// connection string, and keep the password in MongoDB:Password (user secrets or the environment) rather than in appsettings.json.", Problem(new SecureMongoOptions()));

        [Theory]
        [InlineData("mongodb://admin:S3cretPassw0rd@db.example.com:99999/")]
        [InlineData("mongodb://admin:S3cretPassw0rd@db.example.com/?connectTimeoutMS=abc")]
        [InlineData("mongo://admin:S3cretPassw0rd@db.example.com")]
        public void MalformedConnectionStringsAreRefusedWithoutThePassword(string connectionString)
        {
            var problem = Problem(Options(connectionString));
            Assert.StartsWith("MongoDB:ConnectionString is not a valid MongoDB connection string: ", problem, StringComparison.Ordinal);
            Assert.DoesNotContain("S3cretPassw0rd", problem, StringComparison.Ordinal);
            var exception = Assert.Throws<SecureMongoConfigurationException>(() => SecureMongoSettings.Build(Options(connectionString), Production));
            Assert.DoesNotContain("S3cretPassw0rd", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void AUserWithoutAPasswordNeedsAMechanism()
        {
            Assert.Equal(
                "MongoDB:ConnectionString names the user 'orders' but no password: set MongoDB:Password (user secrets or the environment), or name an authentication mechanism that needs none, such as authMechanism=MONGODB-X509.",
                Problem(Options("mongodb+srv://orders@cluster0.example.net/orders")));
            Assert.Empty(SecureMongoSettings.Validate(Options("mongodb+srv://CN=orders@cluster0.example.net/orders?authMechanism=MONGODB-X509"), Production));
        }

        [Theory]
        [InlineData("tlsCAFile=/etc/ssl/ca.pem", "The option 'tlsCAFile' in MongoDB:ConnectionString is ignored by the .NET driver: use Tls:CaCertificatePath (or Tls:CaCertificatePem).")]
        [InlineData("ssl_ca_certs=/etc/ssl/ca.pem", "The option 'ssl_ca_certs' in MongoDB:ConnectionString is ignored by the .NET driver: use Tls:CaCertificatePath (or Tls:CaCertificatePem).")]
        [InlineData("tlsCertificateKeyFile=/etc/ssl/client.pem", "The option 'tlsCertificateKeyFile' in MongoDB:ConnectionString is ignored by the .NET driver: use Tls:ClientCertificatePath.")]
        [InlineData("tlsAllowInvalidCertificates=true", "The option 'tlsAllowInvalidCertificates' in MongoDB:ConnectionString is ignored by the .NET driver: certificates are still validated; trust the server's CA with Tls:CaCertificatePath instead.")]
        [InlineData("connectionTimeout=5000", "The option 'connectionTimeout' in MongoDB:ConnectionString is ignored by the .NET driver: the .NET driver ignores it.")]
        [InlineData("timeoutMS=100", "The option 'timeoutMS' in MongoDB:ConnectionString is ignored by the .NET driver: released .NET drivers do not read timeoutMS; use the Timeouts section.")]
        public void IgnoredOptionsAreRefusedWithAdvice(string option, string expected) =>
            Assert.Equal(expected, Problem(Options("mongodb://db.example.com/?tls=true&" + option)));

        [Fact]
        public void InsecureTlsOnlyInDevelopment()
        {
            var options = Options("mongodb://db.example.com/?tls=true", o => o.Tls.AllowInsecureTlsInDevelopment = true);
            Assert.True(SecureMongoSettings.Build(options, Development).AllowInsecureTls);
            Assert.False(SecureMongoSettings.Build(options, Production).AllowInsecureTls);
            Assert.False(SecureMongoSettings.Build(options, null).AllowInsecureTls);

            var fromUri = Options("mongodb://db.example.com/?tls=true&tlsInsecure=true");
            Assert.Equal("tlsInsecure=true in MongoDB:ConnectionString turns off certificate validation, which is refused outside Development; trust the server's CA with MongoDB:Tls:CaCertificatePath instead.", Problem(fromUri));
            Assert.Equal("tlsInsecure=true in MongoDB:ConnectionString turns off certificate validation; set MongoDB:Tls:AllowInsecureTlsInDevelopment to allow it in Development.", Problem(fromUri, Development));
            fromUri.Tls.AllowInsecureTlsInDevelopment = true;
            Assert.Empty(SecureMongoSettings.Validate(fromUri, Development));
        }

        [Theory]
        [InlineData("ServerSelection", 5000, "MongoDB:Timeouts:ServerSelection is 5 s, below the recommended minimum of 12 s (a replica-set election normally takes up to about 12 s); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.")]
        [InlineData("Connect", 0, "MongoDB:Timeouts:Connect is 0, which the .NET driver treats as an immediate timeout; remove it to use the default of 30 s.")]
        [InlineData("Connect", 1000, "MongoDB:Timeouts:Connect is 1 s, below the recommended minimum of 5 s (a slow TLS handshake or DNS lookup then fails the connection); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.")]
        [InlineData("Socket", 2000, "MongoDB:Timeouts:Socket is 2 s, below the recommended minimum of 10 s (ordinary slow queries are cut off); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.")]
        [InlineData("WaitQueue", 100, "MongoDB:Timeouts:WaitQueue is 100 ms, below the recommended minimum of 1 s (a burst of load fails requests instead of queuing them); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.")]
        [InlineData("HeartbeatInterval", 100, "MongoDB:Timeouts:HeartbeatInterval is 100 ms, below the recommended minimum of 500 ms (monitoring traffic multiplies); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.")]
        [InlineData("ServerSelection", -1000, "MongoDB:Timeouts:ServerSelection is negative; remove it to use the driver default.")]
        public void TimeoutsBelowTheFloorsAreRefused(string name, int milliseconds, string expected)
        {
            var options = Options("mongodb://db.example.com/?tls=true");
            typeof(SecureMongoTimeoutOptions).GetProperty(name)!.SetValue(options.Timeouts, (TimeSpan?)TimeSpan.FromMilliseconds(milliseconds));
            Assert.Equal(expected, Problem(options));
        }

        [Fact]
        public void TimeoutsMayBeAllowedBelowTheFloorsAndApply()
        {
            var options = Options("mongodb://db.example.com/?tls=true", o =>
            {
                o.Timeouts.ServerSelection = TimeSpan.FromSeconds(2);
                o.Timeouts.Socket = TimeSpan.Zero;
                o.Timeouts.AllowBelowRecommended = true;
            });
            var settings = SecureMongoSettings.Build(options, Production);
            Assert.Equal(TimeSpan.FromSeconds(2), settings.ServerSelectionTimeout);
            Assert.Equal(TimeSpan.Zero, settings.SocketTimeout);
        }

        [Fact]
        public void TimeoutsInTheConnectionStringAreCheckedToo() =>
            Assert.Equal(
                "serverSelectionTimeoutMS in MongoDB:ConnectionString is 500 ms, below the recommended minimum of 12 s (a replica-set election normally takes up to about 12 s); raise it, or set MongoDB:Timeouts:AllowBelowRecommended to true.",
                Problem(Options("mongodb://db.example.com/?tls=true&serverSelectionTimeoutMS=500")));

        [Fact]
        public void CaFilesAreCheckedAndUsed()
        {
            var certificates = _certificates;
            var missing = Path.Combine(certificates.Directory, "missing.pem");
            var notPem = certificates.Write("not-a-cert.pem", "hello");
            Assert.StartsWith($"MongoDB:Tls:CaCertificatePath '{missing}' cannot be read: ", Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.CaCertificatePath = missing)), StringComparison.Ordinal);
            Assert.Equal($"MongoDB:Tls:CaCertificatePath '{notPem}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).", Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.CaCertificatePath = notPem)));
            Assert.Equal("MongoDB:Tls:CaCertificatePem holds no PEM certificate (-----BEGIN CERTIFICATE-----).", Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.CaCertificatePem = "hello")));

            var settings = SecureMongoSettings.Build(Options("mongodb://db.example.com/?tls=true", o => o.Tls.CaCertificatePath = certificates.BundlePemPath), Production);
            Assert.NotNull(settings.SslSettings.ServerCertificateValidationCallback);
            var inline = SecureMongoSettings.Build(Options("mongodb://db.example.com/?tls=true", o => o.Tls.CaCertificatePem = File.ReadAllText(certificates.CaPemPath)), Production);
            Assert.NotNull(inline.SslSettings.ServerCertificateValidationCallback);
        }

        [Fact]
        public void ClientCertificatesNeedAPrivateKey()
        {
            var certificates = _certificates;
            var certOnly = certificates.Client.CertificatePemPath;
            Assert.Equal(
                $"MongoDB:Tls:ClientCertificatePath '{certOnly}' has no private key; use a PFX file, or a PEM file with the key, or set MongoDB:Tls:ClientKeyPath.",
                Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.ClientCertificatePath = certOnly)));

            var withKey = SecureMongoSettings.Build(Options("mongodb://db.example.com/?tls=true", o =>
            {
                o.Tls.ClientCertificatePath = certOnly;
                o.Tls.ClientKeyPath = certificates.Client.KeyPemPath;
            }), Production);
            Assert.True(Assert.Single(withKey.SslSettings.ClientCertificates.Cast<System.Security.Cryptography.X509Certificates.X509Certificate2>()).HasPrivateKey);

            var pfx = certificates.Directory + "/client.pfx";
            File.WriteAllBytes(pfx, certificates.Client.Certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12, "pfx-Passw0rd"));
            Assert.Empty(SecureMongoSettings.Validate(Options("mongodb://db.example.com/?tls=true", o => { o.Tls.ClientCertificatePath = pfx; o.Tls.ClientCertificatePassword = "pfx-Passw0rd"; }), Production));
            var wrongPassword = Problem(Options("mongodb://db.example.com/?tls=true", o => { o.Tls.ClientCertificatePath = pfx; o.Tls.ClientCertificatePassword = "Wr0ngPassw0rd"; }));
            Assert.Equal($"MongoDB:Tls:ClientCertificatePath '{pfx}' cannot be read (missing file, wrong format or wrong MongoDB:Tls:ClientCertificatePassword).", wrongPassword);
            Assert.DoesNotContain("Passw0rd", wrongPassword, StringComparison.Ordinal);
        }

        [Fact]
        public void OtherTlsSettingsAreChecked()
        {
            Assert.Equal("MongoDB:Tls:PinnedPublicKeySha256 'abc' is not a SHA-256 hash in base64 or hex (mongo-tls probe prints the pin of a server).", Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.PinnedPublicKeySha256 = new[] { "abc" })));
            Assert.Equal("MongoDB:Tls:MinimumProtocol 'Tls11' is not supported; use Tls12 or Tls13 (TLS 1.0 and 1.1 are broken).", Problem(Options("mongodb://db.example.com/?tls=true", o => o.Tls.MinimumProtocol = "Tls11")));
            Assert.Equal(SslProtocols.Tls13, SecureMongoSettings.Build(Options("mongodb://db.example.com/?tls=true", o => o.Tls.MinimumProtocol = "Tls13"), Production).SslSettings.EnabledSslProtocols);
            Assert.Equal(
                "TLS settings are configured but TLS is off, so they would do nothing and the connection would be plaintext; add tls=true to MongoDB:ConnectionString or set MongoDB:Tls:Enabled to true.",
                Problem(Options("mongodb://db.example.com/", o => o.Tls.CaCertificatePath = _certificates.CaPemPath)));
            Assert.True(SecureMongoSettings.Build(Options("mongodb://db.example.com/", o => { o.Tls.Enabled = true; o.Tls.CaCertificatePath = _certificates.CaPemPath; }), Production).UseTls);
        }

        [Fact]
        public void PoolRetriesAndRoutingApply()
        {
            var settings = SecureMongoSettings.Build(Options("mongodb://db.example.com/?tls=true", o =>
            {
                o.Pool.MaxSize = 50;
                o.Pool.MinSize = 5;
                o.Pool.MaxIdleTime = TimeSpan.FromMinutes(5);
                o.RetryWrites = false;
                o.RetryReads = false;
                o.ApplicationName = "orders";
                o.ReadPreference = "secondaryPreferred";
            }), Production);
            Assert.Equal((50, 5, TimeSpan.FromMinutes(5)), (settings.MaxConnectionPoolSize, settings.MinConnectionPoolSize, settings.MaxConnectionIdleTime));
            Assert.False(settings.RetryWrites);
            Assert.False(settings.RetryReads);
            Assert.Equal("orders", settings.ApplicationName);
            Assert.Equal(ReadPreferenceMode.SecondaryPreferred, settings.ReadPreference.ReadPreferenceMode);

            Assert.Equal("MongoDB:Pool:MinSize must not be greater than MongoDB:Pool:MaxSize.", Problem(Options("mongodb://db.example.com/?tls=true", o => { o.Pool.MaxSize = 1; o.Pool.MinSize = 2; })));
            Assert.Equal("MongoDB:ReadPreference 'fastest' is not one of Primary, PrimaryPreferred, Secondary, SecondaryPreferred, Nearest.", Problem(Options("mongodb://db.example.com/?tls=true", o => o.ReadPreference = "fastest")));
        }

        [Fact]
        public void EveryProblemIsReportedAtOnce()
        {
            var options = Options("mongodb://admin:Hunter2Hunter2@db.example.com/?tlsCAFile=/x.pem&tlsInsecure=true", o =>
            {
                o.Timeouts.Connect = TimeSpan.Zero;
                o.Tls.MinimumProtocol = "Ssl3";
            });
            var exception = Assert.Throws<SecureMongoConfigurationException>(() => SecureMongoSettings.Build(options, Production));
            Assert.Equal(4, exception.Problems.Count);
            Assert.StartsWith("The MongoDB settings are not valid:", exception.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Hunter2Hunter2", exception.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void BindsFromConfiguration()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = "mongodb://db.example.com/orders?tls=true",
                ["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath,
                ["MongoDB:Tls:RevocationMode"] = "Online",
                ["MongoDB:Timeouts:ServerSelection"] = "00:00:20",
                ["MongoDB:Pool:MaxSize"] = "20",
            }).Build();
            var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection(SecureMongoOptions.DefaultSectionName), Production);
            Assert.Equal(TimeSpan.FromSeconds(20), settings.ServerSelectionTimeout);
            Assert.Equal(20, settings.MaxConnectionPoolSize);
            Assert.NotNull(settings.SslSettings.ServerCertificateValidationCallback);
        }

        [Fact]
        public async Task RegistersClientAndDatabaseAndValidatesAtStart()
        {
            var valid = Host(new Dictionary<string, string?> { ["MongoDB:ConnectionString"] = "mongodb://db.example.com/orders?tls=true" });
            await valid.StartAsync();
            Assert.NotNull(valid.Services.GetRequiredService<IMongoClient>());
            Assert.Equal("orders", valid.Services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);
            await valid.StopAsync();

            var noDatabase = Host(new Dictionary<string, string?> { ["MongoDB:ConnectionString"] = "mongodb://db.example.com/?tls=true" });
            Assert.Null(noDatabase.Services.GetService<IMongoDatabase>());

            var named = Host(new Dictionary<string, string?> { ["MongoDB:ConnectionString"] = "mongodb://db.example.com/?tls=true", ["MongoDB:DatabaseName"] = "reports" });
            Assert.Equal("reports", named.Services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);

            var invalid = Host(new Dictionary<string, string?> { ["MongoDB:ConnectionString"] = "mongodb://db.example.com/?tls=true&tlsAllowInvalidCertificates=true" });
            var failure = Assert.Throws<OptionsValidationException>(() => invalid.Start());
            Assert.Contains("tlsAllowInvalidCertificates", failure.Message, StringComparison.Ordinal);
        }

        private static IHost Host(Dictionary<string, string?> values)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(values);
            builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            return builder.Build();
        }

        private sealed class Environment : IHostEnvironment
        {
            public Environment(string name)
            {
                EnvironmentName = name;
            }

            public string EnvironmentName { get; set; }

            public string ApplicationName { get; set; } = "tests";

            public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

            public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        }
    }
}
