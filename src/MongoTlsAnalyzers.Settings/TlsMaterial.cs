using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>The certificates the TLS options name: the private CA roots and the client certificate, loaded and checked.</summary>
    internal sealed class TlsMaterial
    {
        private readonly string _tlsKey;
        private readonly List<string> _problems;

        private TlsMaterial(string section, List<string> problems)
        {
            _tlsKey = section + ":Tls:";
            _problems = problems;
        }

        /// <summary>The CA certificates to trust; empty for the system store.</summary>
        public X509Certificate2Collection Roots { get; } = new X509Certificate2Collection();

        /// <summary>Where the roots came from, for the start-up log; null for the system store.</summary>
        public string? RootsSource { get; private set; }

        /// <summary>The client certificate with its private key, or null.</summary>
        public X509Certificate2? ClientCertificate { get; private set; }

        public static TlsMaterial Load(SecureMongoTlsOptions tls, string section, List<string> problems)
        {
            var material = new TlsMaterial(section, problems);
            if (!string.IsNullOrWhiteSpace(tls.CaCertificatePath))
            {
                material.LoadCaFile(tls.CaCertificatePath!);
            }

            if (!string.IsNullOrWhiteSpace(tls.CaCertificatePem))
            {
                material.LoadCaPem(tls.CaCertificatePem!);
            }

            if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath))
            {
                material.LoadClientCertificate(tls.ClientCertificatePath!, tls.ClientCertificatePassword, tls.ClientKeyPath);
            }

            return material;
        }

        private void LoadCaFile(string path)
        {
            var count = Roots.Count;
            try
            {
                Roots.ImportFromPemFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                _problems.Add($"{_tlsKey}CaCertificatePath '{path}' cannot be read: {ex.Message}");
                return;
            }

            if (Roots.Count == count)
            {
                _problems.Add($"{_tlsKey}CaCertificatePath '{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
                return;
            }

            RootsSource = $"the CA file {path} ({Roots.Count - count} certificate(s))";
        }

        private void LoadCaPem(string pem)
        {
            var count = Roots.Count;
            try
            {
                Roots.ImportFromPem(pem);
            }
            catch (CryptographicException)
            {
                _problems.Add($"{_tlsKey}CaCertificatePem is not valid PEM.");
                return;
            }

            if (Roots.Count == count)
            {
                _problems.Add($"{_tlsKey}CaCertificatePem holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
                return;
            }

            var inline = $"the inline PEM in {_tlsKey}CaCertificatePem ({Roots.Count - count} certificate(s))";
            RootsSource = RootsSource is null ? inline : RootsSource + " and " + inline;
        }

        private void LoadClientCertificate(string path, string? password, string? keyPath)
        {
            X509Certificate2 certificate;
            try
            {
                var extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension is ".pfx" or ".p12")
                {
                    certificate = new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
                }
                else
                {
                    var candidates = new X509Certificate2Collection();
                    candidates.ImportFromPemFile(path);
                    if (candidates.Count == 0)
                    {
                        _problems.Add($"{_tlsKey}ClientCertificatePath '{path}' holds no certificate.");
                        return;
                    }

                    try
                    {
                        certificate = X509Certificate2.CreateFromPemFile(path, keyPath);
                    }
                    catch (CryptographicException)
                    {
                        // The certificate is there but its key is not.
                        certificate = candidates[0];
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                // Never echo the password: the message says what is wrong with the file.
                _problems.Add($"{_tlsKey}ClientCertificatePath '{path}' cannot be read (missing file, wrong format or wrong {_tlsKey}ClientCertificatePassword).");
                return;
            }

            if (!certificate.HasPrivateKey)
            {
                _problems.Add($"{_tlsKey}ClientCertificatePath '{path}' has no private key; use a PFX file, or a PEM file with the key, or set {_tlsKey}ClientKeyPath.");
                return;
            }

            // A PKCS#12 round trip gives a key every platform's TLS stack can use (Windows refuses ephemeral PEM keys).
            ClientCertificate = new X509Certificate2(certificate.Export(X509ContentType.Pkcs12));
        }
    }
}
