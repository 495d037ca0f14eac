using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>Small, composable steps for code that builds <see cref="MongoClientSettings"/> itself.</summary>
    public static class SecureMongoClientSettingsExtensions
    {
        /// <summary>
        /// Trusts the CA certificates in a PEM file for the server's certificate (through
        /// <see cref="CustomCaCertificateValidator"/>), keeping host-name and every other check. Returns the same settings.
        /// </summary>
        /// <example><c>new MongoClient(MongoClientSettings.FromConnectionString(uri).WithCustomCa("/etc/ssl/corp-root-ca.pem"))</c></example>
        public static MongoClientSettings WithCustomCa(this MongoClientSettings settings, string caPemPath, IEnumerable<string>? pinnedPublicKeySha256 = null, X509RevocationMode revocationMode = X509RevocationMode.NoCheck)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (!settings.UseTls)
            {
                throw new InvalidOperationException("WithCustomCa needs TLS, but these settings do not use it: the CA would never be consulted and the connection would be plaintext. Add tls=true to the connection string (or set UseTls = true) before WithCustomCa.");
            }

            var validator = CustomCaCertificateValidator.FromPemFile(caPemPath, pinnedPublicKeySha256, revocationMode);
            var ssl = settings.SslSettings?.Clone() ?? new SslSettings();
            ssl.ServerCertificateValidationCallback = validator.Validate;
            settings.SslSettings = ssl;
            return settings;
        }
    }
}
