using System;
using System.Collections.Generic;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Validates a server certificate against a private CA: it builds an <see cref="X509Chain"/> with
    /// <see cref="X509ChainTrustMode.CustomRootTrust"/> over the configured CA certificates, so the operating
    /// system's trust store is not needed and is not consulted. A host-name mismatch and every other chain
    /// error stay fatal; pins, when given, must match as well. Usable on its own as a
    /// <see cref="RemoteCertificateValidationCallback"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var validator = CustomCaCertificateValidator.FromPemFile("/etc/ssl/corp-root-ca.pem");
    /// settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = validator.Validate };
    /// </code>
    /// </example>
    public sealed class CustomCaCertificateValidator
    {
        private readonly X509Certificate2Collection _roots;
        private readonly HashSet<string> _pins;

        /// <summary>Trusts <paramref name="trustedRoots"/> (or the system store when empty) and, optionally, requires a pin.</summary>
        /// <param name="trustedRoots">The CA certificates to trust; empty means the operating system's trust store.</param>
        /// <param name="pinnedPublicKeySha256">SHA-256 hashes of the server's SubjectPublicKeyInfo, base64 or hex.</param>
        /// <param name="revocationMode">How to check revocation while building the chain.</param>
        public CustomCaCertificateValidator(X509Certificate2Collection trustedRoots, IEnumerable<string>? pinnedPublicKeySha256 = null, X509RevocationMode revocationMode = X509RevocationMode.NoCheck)
        {
            _roots = trustedRoots ?? throw new ArgumentNullException(nameof(trustedRoots));
            RevocationMode = revocationMode;
            _pins = new HashSet<string>(StringComparer.Ordinal);
            foreach (var pin in pinnedPublicKeySha256 ?? Array.Empty<string>())
            {
                _pins.Add(NormalizePin(pin) ?? throw new ArgumentException($"'{pin}' is not a SHA-256 hash in base64 or hex.", nameof(pinnedPublicKeySha256)));
            }
        }

        /// <summary>Where each rejection is logged with its reason, when set.</summary>
        public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

        /// <summary>The revocation mode applied when building the chain.</summary>
        public X509RevocationMode RevocationMode { get; }

        /// <summary>The CA certificates this validator trusts.</summary>
        public X509Certificate2Collection TrustedRoots => _roots;

        /// <summary>Trusts the CA certificates in a PEM file (a bundle is fine).</summary>
        public static CustomCaCertificateValidator FromPemFile(string path, IEnumerable<string>? pinnedPublicKeySha256 = null, X509RevocationMode revocationMode = X509RevocationMode.NoCheck)
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(path);
            if (roots.Count == 0)
            {
                throw new ArgumentException($"The file '{path}' holds no PEM certificate.", nameof(path));
            }

            return new CustomCaCertificateValidator(roots, pinnedPublicKeySha256, revocationMode);
        }

        /// <summary>The <see cref="RemoteCertificateValidationCallback"/>: true only for a certificate issued under a trusted root.</summary>
        public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors)
        {
            if (certificate is null
                || (sslPolicyErrors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0
                || (sslPolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return false;
            }

            var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            if (_roots.Count == 0)
            {
                // No private CA: the platform's verdict stands.
                if (sslPolicyErrors != SslPolicyErrors.None)
                {
                    return false;
                }
            }
            else if (!BuildsToTrustedRoot(leaf, chain))
            {
                return false;
            }

            return _pins.Count == 0 || _pins.Contains(PinOf(leaf));
        }

        /// <summary>The SHA-256 of a certificate's SubjectPublicKeyInfo, in base64: the value to pin.</summary>
        public static string PinOf(X509Certificate2 certificate) =>
            Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

        private bool BuildsToTrustedRoot(X509Certificate2 leaf, X509Chain? presented)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
            chain.ChainPolicy.RevocationMode = RevocationMode;
            chain.ChainPolicy.RevocationFlag = X509RevocationFlag.ExcludeRoot;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;

            // Intermediates the server sent may be needed to reach our root.
            if (presented is not null)
            {
                for (var i = 1; i < presented.ChainElements.Count; i++)
                {
                    chain.ChainPolicy.ExtraStore.Add(presented.ChainElements[i].Certificate);
                }
            }

            return chain.Build(leaf);
        }

        /// <summary>Base64 or hex SHA-256 in canonical base64, or null when it is neither.</summary>
        internal static string? NormalizePin(string pin)
        {
            var text = pin.Trim();
            if (text.StartsWith("sha256/", StringComparison.OrdinalIgnoreCase))
            {
                text = text.Substring("sha256/".Length);
            }

            if (text.Length == 64)
            {
                try
                {
                    return Convert.ToBase64String(Convert.FromHexString(text));
                }
                catch (FormatException)
                {
                    return null;
                }
            }

            var buffer = new byte[32];
            return Convert.TryFromBase64String(text, buffer, out var written) && written == 32 ? Convert.ToBase64String(buffer) : null;
        }
    }
}
