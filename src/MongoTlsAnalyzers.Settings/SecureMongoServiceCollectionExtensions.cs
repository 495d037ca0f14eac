using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>Registers a secure <see cref="IMongoClient"/> built from configuration.</summary>
    public static class SecureMongoServiceCollectionExtensions
    {
        /// <summary>
        /// Binds <see cref="SecureMongoOptions"/> from <paramref name="section"/> (usually
        /// <c>builder.Configuration.GetSection("MongoDB")</c>), validates them at start-up, and registers a singleton
        /// <see cref="IMongoClient"/> and, when a database name is configured (or named in the connection string),
        /// an <see cref="IMongoDatabase"/>. The host environment decides whether insecure TLS may be allowed.
        /// </summary>
        public static IServiceCollection AddSecureMongoClient(this IServiceCollection services, IConfiguration section)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (section is null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            services.AddOptions<SecureMongoOptions>().Bind(section).ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecureMongoOptions>, SecureMongoOptionsValidation>());
            services.TryAddSingleton<IMongoClient>(provider => new MongoClient(
                SecureMongoSettings.Build(provider.GetRequiredService<IOptions<SecureMongoOptions>>().Value, provider.GetService<IHostEnvironment>())));

            var database = section[nameof(SecureMongoOptions.DatabaseName)];
            if (string.IsNullOrWhiteSpace(database))
            {
                database = DatabaseInConnectionString(section[nameof(SecureMongoOptions.ConnectionString)]);
            }

            if (!string.IsNullOrWhiteSpace(database))
            {
                services.TryAddSingleton(provider => provider.GetRequiredService<IMongoClient>().GetDatabase(database));
            }

            return services;
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
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
            {
                // Reported by validation at start-up.
                return null;
            }
        }
    }

    /// <summary>Runs <see cref="SecureMongoSettings.Validate"/> for the options system, so that problems surface at start-up.</summary>
    internal sealed class SecureMongoOptionsValidation : IValidateOptions<SecureMongoOptions>
    {
        private readonly IServiceProvider _services;

        public SecureMongoOptionsValidation(IServiceProvider services)
        {
            _services = services;
        }

        public ValidateOptionsResult Validate(string? name, SecureMongoOptions options)
        {
            var problems = SecureMongoSettings.Validate(options, _services.GetService<IHostEnvironment>());
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
