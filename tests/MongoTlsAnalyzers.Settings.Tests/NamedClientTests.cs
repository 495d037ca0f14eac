using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>Several clusters in one application: keyed clients, each built from its own section only.</summary>
    public sealed class NamedClientTests
    {
        private static readonly Dictionary<string, string?> TwoClusters = new Dictionary<string, string?>
        {
            ["MongoDB:ConnectionString"] = "mongodb://orders.example.com/orders?tls=true",
            ["MongoDB:ApplicationName"] = "orders-service",
            ["MongoDB:Timeouts:ServerSelection"] = "00:00:15",
            ["MongoDB:Pool:MaxSize"] = "20",
            ["Reporting:ConnectionString"] = "mongodb+srv://reporting.example.net/reports",
        };

        [Fact]
        public async Task ANamedClientIsAKeyedServiceBesideTheDefault()
        {
            using var host = Host(TwoClusters, (services, configuration) =>
            {
                services.AddSecureMongoClient(configuration.GetSection("MongoDB"));
                services.AddSecureMongoClient("reporting", configuration.GetSection("Reporting"));
                services.AddSingleton<ReportConsumer>();
            });
            await host.StartAsync();

            var orders = host.Services.GetRequiredService<IMongoClient>();
            var reporting = host.Services.GetRequiredKeyedService<IMongoClient>("reporting");
            Assert.NotSame(orders, reporting);
            Assert.Equal("orders.example.com", Assert.Single(orders.Settings.Servers).Host);
            Assert.Equal("orders", host.Services.GetRequiredService<IMongoDatabase>().DatabaseNamespace.DatabaseName);

            var consumer = host.Services.GetRequiredService<ReportConsumer>();
            Assert.Equal("reports", consumer.Database.DatabaseNamespace.DatabaseName);
            Assert.Same(reporting, consumer.Database.Client);
            await host.StopAsync();
        }

        [Fact]
        public void EachClientIsBuiltFromItsOwnSectionOnly()
        {
            using var host = Host(TwoClusters, (services, configuration) =>
            {
                services.AddSecureMongoClient(configuration.GetSection("MongoDB"));
                services.AddSecureMongoClient("reporting", configuration.GetSection("Reporting"));
            });
            var orders = host.Services.GetRequiredService<IMongoClient>().Settings;
            var reporting = host.Services.GetRequiredKeyedService<IMongoClient>("reporting").Settings;

            Assert.Equal(("orders-service", TimeSpan.FromSeconds(15), 20), (orders.ApplicationName, orders.ServerSelectionTimeout, orders.MaxConnectionPoolSize));
            var defaults = new MongoClientSettings();
            Assert.Equal((null, defaults.ServerSelectionTimeout, defaults.MaxConnectionPoolSize), (reporting.ApplicationName, reporting.ServerSelectionTimeout, reporting.MaxConnectionPoolSize));
            Assert.True(reporting.UseTls);
        }

        [Fact]
        public void TwoDefaultRegistrationsAreRefusedInsteadOfMerged()
        {
            using var host = Host(TwoClusters, (services, configuration) =>
            {
                services.AddSecureMongoClient(configuration.GetSection("MongoDB"));
                services.AddSecureMongoClient(configuration.GetSection("Reporting"));
            });
            var failure = Assert.Throws<OptionsValidationException>(() => host.Start());
            Assert.Equal(
                "The MongoDB settings are not valid:" + System.Environment.NewLine + "- AddSecureMongoClient was called 2 times without a name (sections 'MongoDB', 'Reporting'); the sections are not merged: register the default client once, and the others with AddSecureMongoClient(name, section).",
                Assert.Single(failure.Failures));
            Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IMongoClient>());
        }

        [Fact]
        public void ADuplicateNameIsRefusedAtStartUp()
        {
            using var host = Host(TwoClusters, (services, configuration) =>
            {
                services.AddSecureMongoClient("reporting", configuration.GetSection("Reporting"));
                services.AddSecureMongoClient("reporting", configuration.GetSection("MongoDB"));
            });
            var failure = Assert.Throws<OptionsValidationException>(() => host.Start());
            Assert.Equal(
                "The MongoDB settings are not valid:" + System.Environment.NewLine + "- AddSecureMongoClient was called 2 times with the name 'reporting' (sections 'Reporting', 'MongoDB'); the sections are not merged: give each client its own name.",
                Assert.Single(failure.Failures));
        }

        [Fact]
        public void ANamedClientsProblemsAreReportedAtStartUp()
        {
            var values = new Dictionary<string, string?>(TwoClusters) { ["Reporting:ConnectionString"] = "mongodb://reporting.example.net/?tls=true&tlsCAFile=/ca.pem" };
            using var host = Host(values, (services, configuration) =>
            {
                services.AddSecureMongoClient(configuration.GetSection("MongoDB"));
                services.AddSecureMongoClient("reporting", configuration.GetSection("Reporting"));
            });
            var failure = Assert.Throws<OptionsValidationException>(() => host.Start());
            Assert.Equal("reporting", failure.OptionsName);
            Assert.Contains("tlsCAFile", Assert.Single(failure.Failures), StringComparison.Ordinal);
        }

        [Fact]
        public void ANamedClientNeedsAName() =>
            Assert.Throws<ArgumentException>(() => new ServiceCollection().AddSecureMongoClient(" ", new ConfigurationBuilder().Build()));

        private static IHost Host(Dictionary<string, string?> values, Action<IServiceCollection, IConfiguration> register)
        {
            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(values);
            register(builder.Services, builder.Configuration);
            return builder.Build();
        }

        private sealed class ReportConsumer
        {
            public ReportConsumer([FromKeyedServices("reporting")] IMongoDatabase database)
            {
                Database = database;
            }

            public IMongoDatabase Database { get; }
        }
    }
}
