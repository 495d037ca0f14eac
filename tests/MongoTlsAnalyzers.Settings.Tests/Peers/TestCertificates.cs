using System;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// Certificates generated in the tests: a CA, a server certificate for localhost, a second unrelated CA, an
    /// expired certificate, a wrong-host certificate and a server certificate issued by an intermediate CA (served
    /// with the intermediate), written as PEM files for openssl and the helper. The folder holds private keys: it
    /// is deleted on dispose (xunit disposes the instance it shares through <see cref="RealTlsCollection"/>).
    /// </summary>
    public sealed class TestCertificates : IDisposable
    {
        public TestCertificates()
        {
            Directory = Path.Combine(Path.GetTempPath(), "mta-certs-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            var now = DateTimeOffset.UtcNow;

            CaCertificate = CreateCa("CN=MongoTlsAnalyzers Test Root CA", now);
            OtherCaCertificate = CreateCa("CN=Unrelated Test Root CA", now);
            Server = Issue(CaCertificate, "CN=localhost", new[] { "localhost" }, now.AddDays(-1), now.AddDays(30));
            Expired = Issue(CaCertificate, "CN=localhost", new[] { "localhost" }, now.AddDays(-30), now.AddDays(-1));
            WrongHost = Issue(CaCertificate, "CN=db.example.com", new[] { "db.example.com" }, now.AddDays(-1), now.AddDays(30));
            FromOtherCa = Issue(OtherCaCertificate, "CN=localhost", new[] { "localhost" }, now.AddDays(-1), now.AddDays(30));
            Client = Issue(CaCertificate, "CN=orders-svc", Array.Empty<string>(), now.AddDays(-1), now.AddDays(30));
            IntermediateCertificate = CreateIntermediate(CaCertificate, "CN=MongoTlsAnalyzers Test Intermediate CA", now);
            ServerViaIntermediate = Issue(IntermediateCertificate, "CN=localhost", new[] { "localhost" }, now.AddDays(-1), now.AddDays(30));
            IntermediatePemPath = Write("intermediate.pem", IntermediateCertificate.ExportCertificatePem());

            CaPemPath = Write("ca.pem", CaCertificate.ExportCertificatePem());
            OtherCaPemPath = Write("other-ca.pem", OtherCaCertificate.ExportCertificatePem());
            BundlePemPath = Write("bundle.pem", OtherCaCertificate.ExportCertificatePem() + "\n" + CaCertificate.ExportCertificatePem());
        }

        public string Directory { get; }

        public X509Certificate2 CaCertificate { get; }

        public X509Certificate2 OtherCaCertificate { get; }

        public IssuedCertificate Server { get; }

        public IssuedCertificate Expired { get; }

        public IssuedCertificate WrongHost { get; }

        public IssuedCertificate FromOtherCa { get; }

        public IssuedCertificate Client { get; }

        /// <summary>An intermediate CA issued by <see cref="CaCertificate"/>.</summary>
        public X509Certificate2 IntermediateCertificate { get; }

        /// <summary>A localhost certificate issued by the intermediate; the server sends the intermediate with it.</summary>
        public IssuedCertificate ServerViaIntermediate { get; }

        public string IntermediatePemPath { get; }

        public string CaPemPath { get; }

        public string OtherCaPemPath { get; }

        /// <summary>A bundle of the unrelated CA followed by the right one.</summary>
        public string BundlePemPath { get; }

        public string Write(string name, string content)
        {
            var path = Path.Combine(Directory, name);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Writes <paramref name="issued"/> with its private key as a PFX (PKCS#12) file protected by <paramref name="password"/>.</summary>
        public string WritePfx(IssuedCertificate issued, string password)
        {
            var path = Path.Combine(Directory, Path.GetFileNameWithoutExtension(issued.CertificatePemPath).Replace(".crt", string.Empty) + ".pfx");
            File.WriteAllBytes(path, issued.Certificate.Export(X509ContentType.Pfx, password));
            return path;
        }

        public void Dispose()
        {
            if (System.IO.Directory.Exists(Directory))
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
        }

        private static X509Certificate2 CreateCa(string subject, DateTimeOffset now)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            return request.CreateSelfSigned(now.AddDays(-60), now.AddYears(1));
        }

        private static X509Certificate2 CreateIntermediate(X509Certificate2 issuer, string subject, DateTimeOffset now)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            var serial = new byte[16];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using var signed = request.Create(issuer, now.AddDays(-30), now.AddMonths(6), serial);
            return signed.CopyWithPrivateKey(key);
        }

        /// <summary>Issues a server certificate for <paramref name="dnsNames"/> (127.0.0.1 too when they include localhost) and writes it with its key.</summary>
        public IssuedCertificate Issue(X509Certificate2 issuer, string subject, string[] dnsNames, DateTimeOffset notBefore, DateTimeOffset notAfter)
        {
            var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                new OidCollection { new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2") }, false));
            if (dnsNames.Length > 0)
            {
                var names = new SubjectAlternativeNameBuilder();
                foreach (var name in dnsNames)
                {
                    names.AddDnsName(name);
                }

                if (Array.IndexOf(dnsNames, "localhost") >= 0)
                {
                    names.AddIpAddress(IPAddress.Loopback);
                }

                request.CertificateExtensions.Add(names.Build());
            }

            var serial = new byte[16];
            RandomNumberGenerator.Fill(serial);
            serial[0] &= 0x7F;
            using var signed = request.Create(issuer, notBefore, notAfter, serial);
            var certificate = signed.CopyWithPrivateKey(key);
            var stem = subject.Replace("CN=", string.Empty).Replace('.', '-') + "-" + Guid.NewGuid().ToString("N").Substring(0, 6);
            var certPath = Write(stem + ".crt.pem", certificate.ExportCertificatePem());
            var keyPath = Write(stem + ".key.pem", key.ExportPkcs8PrivateKeyPem());
            return new IssuedCertificate(certificate, certPath, keyPath);
        }
    }

    /// <summary>An issued certificate with its key, and the PEM files openssl reads.</summary>
    public sealed record IssuedCertificate(X509Certificate2 Certificate, string CertificatePemPath, string KeyPemPath);
}
