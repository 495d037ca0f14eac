using System;
using System.Collections.Generic;
using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Builds <see cref="MongoClientSettings"/> from <see cref="SecureMongoOptions"/>: TLS validated by default, a
    /// private CA trusted through <see cref="CustomCaCertificateValidator"/>, insecure TLS only in Development,
    /// and every configuration problem reported at once, in words that say what to change.
    /// </summary>
    /// <example>
    /// <code>
    /// var settings = SecureMongoSettings.FromConfiguration(builder.Configuration.GetSection("MongoDB"), builder.Environment);
    /// var client = new MongoClient(settings);
    /// </code>
    /// </example>
    public static class SecureMongoSettings
    {
        /// <summary>Validates the options and builds fresh settings; throws <see cref="SecureMongoConfigurationException"/> listing every problem.</summary>
        /// <param name="options">The options, usually bound from configuration.</param>
        /// <param name="environment">The host environment: only Development may allow insecure TLS.</param>
        /// <param name="loggerFactory">When given, what was decided is logged at start-up and the driver logs through it.</param>
        /// <param name="sectionPath">The configuration section the options come from, named in messages.</param>
        public static MongoClientSettings Build(SecureMongoOptions options, IHostEnvironment? environment = null, ILoggerFactory? loggerFactory = null, string sectionPath = SecureMongoOptions.DefaultSectionName)
        {
            var plan = SettingsPlan.Create(options ?? throw new ArgumentNullException(nameof(options)), environment, sectionPath);
            if (plan.Problems.Count > 0)
            {
                throw new SecureMongoConfigurationException(plan.Problems);
            }

            return plan.ToSettings(loggerFactory);
        }

        /// <summary>Binds a configuration section (usually <c>MongoDB</c>) and builds settings from it.</summary>
        public static MongoClientSettings FromConfiguration(IConfiguration section, IHostEnvironment? environment = null, ILoggerFactory? loggerFactory = null)
        {
            var options = new SecureMongoOptions();
            SecureMongoOptionsBinder.Bind(section ?? throw new ArgumentNullException(nameof(section)), options);
            return Build(options, environment, loggerFactory, SecureMongoClientRegistrations.SectionPath(section));
        }

        /// <summary>Every problem with the options, as sentences without secrets; empty when they are valid.</summary>
        public static IReadOnlyList<string> Validate(SecureMongoOptions options, IHostEnvironment? environment = null, string sectionPath = SecureMongoOptions.DefaultSectionName) =>
            SettingsPlan.Create(options ?? throw new ArgumentNullException(nameof(options)), environment, sectionPath).Problems;

        /// <summary>The TLS protocols allowed by a minimum version name, or null when the name is not supported.</summary>
        internal static SslProtocols? Protocols(string? minimum) => minimum?.Trim().ToLowerInvariant() switch
        {
            null or "" or "tls12" or "tls1.2" or "1.2" => SslProtocols.Tls12 | SslProtocols.Tls13,
            "tls13" or "tls1.3" or "1.3" => SslProtocols.Tls13,
            _ => null,
        };
    }
}
