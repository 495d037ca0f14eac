using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>The kind of reason a server certificate was rejected.</summary>
    public enum CertificateRejectionKind
    {
        /// <summary>The server sent no certificate.</summary>
        NoCertificate,

        /// <summary>The chain does not end at a trusted CA.</summary>
        UntrustedRoot,

        /// <summary>The certificate (or one in its chain) has expired.</summary>
        Expired,

        /// <summary>The certificate (or one in its chain) is not valid yet.</summary>
        NotYetValid,

        /// <summary>The certificate does not name the host the client connected to.</summary>
        NameMismatch,

        /// <summary>The public key does not match any configured pin.</summary>
        PinMismatch,

        /// <summary>The certificate was revoked.</summary>
        Revoked,

        /// <summary>Revocation was required but could not be checked.</summary>
        RevocationUnknown,

        /// <summary>Any other chain error.</summary>
        Other,
    }

    /// <summary>Why a server certificate was rejected, in words that say what was found and what to do.</summary>
    public sealed record CertificateRejection(CertificateRejectionKind Kind, string Message)
    {
        private const string DateFormat = "yyyy-MM-dd HH:mm:ss 'UTC'";

        /// <summary>
        /// Explains a rejection from what the TLS stack and a chain build reported. <paramref name="trusted"/> lists
        /// the CAs that were trusted (empty: the operating system's store).
        /// </summary>
        public static CertificateRejection? Explain(X509Certificate2? leaf, X509Chain? chain, SslPolicyErrors errors, string? host, X509Certificate2Collection? trusted, DateTime? now = null)
        {
            if (leaf is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return new CertificateRejection(CertificateRejectionKind.NoCertificate, "The server sent no certificate.");
            }

            var statuses = chain?.ChainStatus.Select(s => s.Status).Aggregate(X509ChainStatusFlags.NoError, (a, b) => a | b) ?? X509ChainStatusFlags.NoError;
            var utcNow = now ?? DateTime.UtcNow;
            if ((statuses & X509ChainStatusFlags.NotTimeValid) != 0)
            {
                var element = chain!.ChainElements.Cast<X509ChainElement>().Select(e => e.Certificate).FirstOrDefault(c => c.NotAfter.ToUniversalTime() < utcNow || c.NotBefore.ToUniversalTime() > utcNow) ?? leaf;
                var which = element.Thumbprint == leaf.Thumbprint ? "The server certificate" : "The CA certificate";
                return element.NotAfter.ToUniversalTime() < utcNow
                    ? new CertificateRejection(CertificateRejectionKind.Expired, $"{which} '{element.Subject}' expired on {Date(element.NotAfter)} (valid from {Date(element.NotBefore)}); renew it on the server.")
                    : new CertificateRejection(CertificateRejectionKind.NotYetValid, $"{which} '{element.Subject}' is not valid until {Date(element.NotBefore)}; check the clock of the client and of the machine that issued it.");
            }

            if ((statuses & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
            {
                var last = chain!.ChainElements[chain.ChainElements.Count - 1].Certificate;
                var root = last.Subject == last.Issuer ? last.Subject : last.Issuer;
                var trustedNames = trusted is { Count: > 0 } ? "the trusted CAs are " + string.Join(", ", trusted.Cast<X509Certificate2>().Select(c => "'" + c.Subject + "'")) : "the operating system's trust store does not hold it";
                return new CertificateRejection(CertificateRejectionKind.UntrustedRoot, $"The server certificate '{leaf.Subject}' chains to '{root}', which is not trusted ({trustedNames}). If that CA is yours, trust it with Tls:CaCertificatePath (a PEM file); otherwise the server is not the one you meant.");
            }

            if ((statuses & X509ChainStatusFlags.Revoked) != 0)
            {
                return new CertificateRejection(CertificateRejectionKind.Revoked, $"The server certificate '{leaf.Subject}' has been revoked by its CA.");
            }

            if ((statuses & (X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation)) != 0)
            {
                return new CertificateRejection(CertificateRejectionKind.RevocationUnknown, $"The revocation status of '{leaf.Subject}' is unknown: no revocation list or OCSP responder answered. If the CA publishes none, set Tls:RevocationMode to NoCheck.");
            }

            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                return new CertificateRejection(CertificateRejectionKind.NameMismatch, $"The server certificate names {string.Join(", ", NamesIn(leaf).Select(n => "'" + n + "'"))} but the client connected to '{host ?? "(unknown host)"}'; connect with a name the certificate holds, or have the certificate reissued for this name.");
            }

            if (statuses != X509ChainStatusFlags.NoError)
            {
                return new CertificateRejection(CertificateRejectionKind.Other, $"The server certificate '{leaf.Subject}' was rejected: {string.Join("; ", chain!.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct())}.");
            }

            return null;
        }

        /// <summary>The DNS names and IP addresses in the certificate's subject alternative names, or its common name.</summary>
        public static IReadOnlyList<string> NamesIn(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
            {
                names.AddRange(extension.EnumerateDnsNames());
                names.AddRange(extension.EnumerateIPAddresses().Select(a => a.ToString()));
            }

            if (names.Count == 0)
            {
                names.Add(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
            }

            return names;
        }

        private static string Date(DateTime value) => value.ToUniversalTime().ToString(DateFormat, CultureInfo.InvariantCulture);
    }
}
