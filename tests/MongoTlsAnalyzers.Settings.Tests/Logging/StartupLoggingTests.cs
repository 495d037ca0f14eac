using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.Logging
{
    /// <summary>What the helper logs at start-up, through the host's logging pipeline.</summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class StartupLoggingTests
    {
        private const string Secret = "Hunter2-Passw0rd";
        private const string Category = "MongoTlsAnalyzers.Settings";

        private readonly TestCertificates _certificates;

        public StartupLoggingTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public async Task DecisionsAreLoggedAtStartUpAndTheDriverGetsTheLoggerFactory()
        {
            var logs = new CapturingLoggerProvider();
            using var host = Host("Production", logs, appsettings: null, new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = "mongodb://db.example.com/orders?tls=true",
                ["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath,
                ["MongoDB:Timeouts:ServerSelection"] = "00:00:15",
            });
            await host.StartAsync();
            Assert.Equal(
                new[]
                {
                    (LogLevel.Information, $"MongoDB (MongoDB): TLS is on (Tls12, Tls13); server certificates are validated against the CA file {_certificates.CaPemPath} (1 certificate(s))."),
                    (LogLevel.Information, "MongoDB (MongoDB): timeouts: server selection 00:00:15, connect 00:00:30, socket 00:00:00, wait queue 00:02:00, heartbeat 00:00:10."),
                },
                logs.From(Category).Select(l => (l.Level, l.Message)));
            Assert.Same(host.Services.GetRequiredService<ILoggerFactory>(), host.Services.GetRequiredService<IMongoClient>().Settings.LoggingSettings.LoggerFactory);
            await host.StopAsync();
        }

        [Fact]
        public async Task InsecureTlsInDevelopmentIsAWarning()
        {
            var logs = new CapturingLoggerProvider();
            using var host = Host("Development", logs, appsettings: null, new Dictionary<string, string?>
            {
                ["Reporting:ConnectionString"] = "mongodb://localhost/reports?tls=true",
                ["Reporting:Tls:AllowInsecureTlsInDevelopment"] = "true",
            }, name: "reporting");
            await host.StartAsync();
            var line = logs.From(Category).First();
            Assert.Equal(LogLevel.Warning, line.Level);
            Assert.Equal("MongoDB (Reporting): TLS is on but certificate validation is OFF because the environment is Development and Reporting:Tls:AllowInsecureTlsInDevelopment is true; this is never allowed in any other environment.", line.Message);
            await host.StopAsync();
        }

        [Theory]
        [InlineData("appsettings.json", "Production", true)]
        [InlineData("appsettings.Staging.json", "Staging", true)]
        [InlineData("appsettings.Development.json", "Development", false)]
        [InlineData("secrets.json", "Production", false)]
        public async Task APasswordFromAppsettingsOutsideDevelopmentIsAWarningNamingTheFileAndKey(string file, string environment, bool warned)
        {
            var path = Path.Combine(_certificates.Directory, Guid.NewGuid().ToString("N"), file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{ \"MongoDB\": { \"ConnectionString\": \"mongodb://orders-svc@db.example.com/orders?tls=true\", \"Password\": \"" + Secret + "\" } }");
            var logs = new CapturingLoggerProvider();
            using var host = Host(environment, logs, path, new Dictionary<string, string?>());
            await host.StartAsync();

            var warnings = logs.Lines.Where(l => l.Message.Contains("comes from", StringComparison.Ordinal)).ToList();
            if (warned)
            {
                var warning = Assert.Single(warnings);
                Assert.Equal(LogLevel.Warning, warning.Level);
                Assert.Equal($"MongoDB: the password in MongoDB:Password comes from {path} in the {environment} environment; that file is usually committed with the code. Move the password to user secrets, the environment (MongoDB__Password) or a vault.", warning.Message);
            }
            else
            {
                Assert.Empty(warnings);
            }

            Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal));
            await host.StopAsync();
        }

        [Fact]
        public async Task APasswordOverriddenByTheEnvironmentIsNotWarnedAbout()
        {
            var path = Path.Combine(_certificates.Directory, Guid.NewGuid().ToString("N"), "appsettings.json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, "{ \"MongoDB\": { \"ConnectionString\": \"mongodb://orders-svc:" + Secret + "@db.example.com/orders?tls=true\" } }");
            var logs = new CapturingLoggerProvider();
            using var host = Host("Production", logs, path, new Dictionary<string, string?>());
            await host.StartAsync();
            Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.StartsWith("MongoDB: the password in MongoDB:ConnectionString comes from " + path, StringComparison.Ordinal));
            Assert.DoesNotContain(logs.Lines, l => l.Message.Contains(Secret, StringComparison.Ordinal));
            await host.StopAsync();

            var overridden = new CapturingLoggerProvider();
            using var second = Host("Production", overridden, path, new Dictionary<string, string?> { ["MongoDB:ConnectionString"] = "mongodb://orders-svc:" + Secret + "-2@db.example.com/orders?tls=true" });
            await second.StartAsync();
            Assert.DoesNotContain(overridden.Lines, l => l.Message.Contains("comes from", StringComparison.Ordinal));
            await second.StopAsync();
        }

        private static IHost Host(string environment, CapturingLoggerProvider logs, string? appsettings, Dictionary<string, string?> values, string? name = null)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
            if (appsettings is not null)
            {
                builder.Configuration.AddJsonFile(appsettings, optional: false);
            }

            builder.Configuration.AddInMemoryCollection(values);
            builder.Logging.AddProvider(logs);
            if (name is null)
            {
                builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            }
            else
            {
                builder.Services.AddSecureMongoClient(name, builder.Configuration.GetSection("Reporting"));
            }

            return builder.Build();
        }
    }
}
