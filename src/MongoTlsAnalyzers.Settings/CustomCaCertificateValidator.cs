using System;
using System.Collections.Generic;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using Microsoft.Extensions.Logging;

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
        private CertificateRejection? _lastRejection;

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
        public ILogger? Logger { get; set; }

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
            var rejection = Check(certificate, chain, sslPolicyErrors, (sender as SslStream)?.TargetHostName);
            if (rejection is not null)
            {
                LastRejection = rejection;
                Logger?.LogWarning("The MongoDB server's certificate was rejected: {Reason}", rejection.Message);
                return false;
            }

            return true;
        }

        /// <summary>Why the most recent certificate was rejected, or null when none was.</summary>
        public CertificateRejection? LastRejection
        {
            get => Volatile.Read(ref _lastRejection);
            private set => Volatile.Write(ref _lastRejection, value);
        }

        /// <summary>The reason <paramref name="certificate"/> is rejected, or null when it is accepted.</summary>
        public CertificateRejection? Check(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors sslPolicyErrors, string? host)
        {
            if (certificate is null || (sslPolicyErrors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return CertificateRejection.Explain(null, null, sslPolicyErrors, host, _roots);
            }

            var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            if (_roots.Count == 0)
            {
                // No private CA: the platform's verdict stands.
                if (sslPolicyErrors != SslPolicyErrors.None)
                {
                    return CertificateRejection.Explain(leaf, chain, sslPolicyErrors, host, _roots)
                        ?? new CertificateRejection(CertificateRejectionKind.Other, $"The server certificate '{leaf.Subject}' was rejected: {sslPolicyErrors}.");
                }
            }
            else
            {
                using var built = BuildWithTrustedRoots(chain);
                if (!built.Build(leaf) || (sslPolicyErrors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return CertificateRejection.Explain(leaf, built, sslPolicyErrors & ~SslPolicyErrors.RemoteCertificateChainErrors, host, _roots)
                        ?? new CertificateRejection(CertificateRejectionKind.Other, $"The server certificate '{leaf.Subject}' was rejected.");
                }
            }

            if (_pins.Count > 0 && !_pins.Contains(PinOf(leaf)))
            {
                return new CertificateRejection(CertificateRejectionKind.PinMismatch, $"The server's public key pin is '{PinOf(leaf)}', which is not among the {_pins.Count} pinned in Tls:PinnedPublicKeySha256; if the server's key changed on purpose, pin the new one.");
            }

            return null;
        }

        /// <summary>The SHA-256 of a certificate's SubjectPublicKeyInfo, in base64: the value to pin.</summary>
        public static string PinOf(X509Certificate2 certificate) =>
            Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));

        private X509Chain BuildWithTrustedRoots(X509Chain? presented)
        {
            var chain = new X509Chain();
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

            return chain;
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
