using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>Registers secure <see cref="IMongoClient"/>s built from configuration.</summary>
    public static class SecureMongoServiceCollectionExtensions
    {
        /// <summary>
        /// Binds <see cref="SecureMongoOptions"/> from <paramref name="section"/> (usually
        /// <c>builder.Configuration.GetSection("MongoDB")</c>), validates them at start-up, and registers a singleton
        /// <see cref="IMongoClient"/> and, when a database name is configured (or named in the connection string),
        /// an <see cref="IMongoDatabase"/>. The host environment decides whether insecure TLS may be allowed.
        /// Call it once: a second call is refused at start-up rather than merging two sections.
        /// </summary>
        public static IServiceCollection AddSecureMongoClient(this IServiceCollection services, IConfiguration section) =>
            Add(services, Options.DefaultName, section);

        /// <summary>
        /// Registers a named client, for a second cluster: a keyed <see cref="IMongoClient"/> and
        /// <see cref="IMongoDatabase"/> (<c>[FromKeyedServices("reporting")] IMongoDatabase reporting</c>), built from
        /// <paramref name="section"/> only and validated at start-up, beside the unnamed default. A name registered
        /// twice is refused at start-up.
        /// </summary>
        public static IServiceCollection AddSecureMongoClient(this IServiceCollection services, string name, IConfiguration section)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException("A named client needs a name; use AddSecureMongoClient(section) for the default client.", nameof(name));
            }

            return Add(services, name, section);
        }

        private static IServiceCollection Add(IServiceCollection services, string name, IConfiguration section)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (section is null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecureMongoOptions>, SecureMongoOptionsValidation>());
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SecureMongoStartup>());
            if (!SecureMongoClientRegistrations.In(services).Add(name, section))
            {
                // The same name again: the validation refuses it at start-up; its section is not bound on top of the first.
                return services;
            }

            services.AddOptions<SecureMongoOptions>(name).Configure(options => SecureMongoOptionsBinder.Bind(section, options)).ValidateOnStart();
            var database = DatabaseName(section);
            if (name.Length == 0)
            {
                services.TryAddSingleton<IMongoClient>(provider => CreateClient(provider, name));
                if (database is not null)
                {
                    services.TryAddSingleton(provider => provider.GetRequiredService<IMongoClient>().GetDatabase(database));
                }
            }
            else
            {
                services.TryAddKeyedSingleton<IMongoClient>(name, (provider, _) => CreateClient(provider, name));
                if (database is not null)
                {
                    services.TryAddKeyedSingleton<IMongoDatabase>(name, (provider, key) => provider.GetRequiredKeyedService<IMongoClient>(key).GetDatabase(database));
                }
            }

            return services;
        }

        private static MongoClient CreateClient(IServiceProvider provider, string name)
        {
            var options = provider.GetRequiredService<IOptionsMonitor<SecureMongoOptions>>().Get(name);
            var section = provider.GetRequiredService<SecureMongoClientRegistrations>().SectionOf(name);
            var environment = provider.GetService<IHostEnvironment>();
            var loggerFactory = provider.GetService<ILoggerFactory>();
            var settings = SecureMongoSettings.Build(options, environment, loggerFactory, section);
            if (loggerFactory is not null)
            {
                PasswordSourceWarning.Check(provider.GetService<IConfiguration>(), section, options, environment, loggerFactory.CreateLogger(StartupLog.Category));
            }

            return new MongoClient(settings);
        }

        private static string? DatabaseName(IConfiguration section)
        {
            var database = section[nameof(SecureMongoOptions.DatabaseName)];
            if (string.IsNullOrWhiteSpace(database))
            {
                database = DatabaseInConnectionString(section[nameof(SecureMongoOptions.ConnectionString)]);
            }

            return string.IsNullOrWhiteSpace(database) ? null : database;
        }

        private static string? DatabaseInConnectionString(string? connectionString)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                return null;
            }

            try
            {
                return new MongoUrl(connectionString).DatabaseName;
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException or IndexOutOfRangeException)
            {
                // Reported by validation at start-up.
                return null;
            }
        }
    }
}
