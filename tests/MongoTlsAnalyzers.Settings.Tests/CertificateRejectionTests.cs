using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using MongoTlsAnalyzers.Settings.Tests.Logging;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>
    /// The custom-CA validator says why it rejected a certificate, against a real openssl s_server serving
    /// certificates generated here; the reason is kept for the probe and the health check, and logged.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class CertificateRejectionTests
    {
        private readonly TestCertificates _certificates;

        public CertificateRejectionTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public void AnUntrustedRootNamesTheRootItFound()
        {
            var rejection = Reject(_certificates.Server, CustomCaCertificateValidator.FromPemFile(_certificates.OtherCaPemPath));
            Assert.Equal(CertificateRejectionKind.UntrustedRoot, rejection.Kind);
            Assert.Equal("The server certificate 'CN=localhost' chains to 'CN=MongoTlsAnalyzers Test Root CA', which is not trusted (the trusted CAs are 'CN=Unrelated Test Root CA'). If that CA is yours, trust it with Tls:CaCertificatePath (a PEM file); otherwise the server is not the one you meant.", rejection.Message);
        }

        [Fact]
        public void AnExpiredCertificateGivesItsDates()
        {
            var expired = _certificates.Expired.Certificate;
            var rejection = Reject(_certificates.Expired, CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath));
            Assert.Equal(CertificateRejectionKind.Expired, rejection.Kind);
            Assert.Equal($"The server certificate 'CN=localhost' expired on {Date(expired.NotAfter)} (valid from {Date(expired.NotBefore)}); renew it on the server.", rejection.Message);
        }

        [Fact]
        public void ACertificateNotYetValidGivesItsStart()
        {
            var now = DateTimeOffset.UtcNow;
            var future = _certificates.Issue(_certificates.CaCertificate, "CN=localhost", new[] { "localhost" }, now.AddDays(2), now.AddDays(30));
            var rejection = Reject(future, CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath));
            Assert.Equal(CertificateRejectionKind.NotYetValid, rejection.Kind);
            Assert.Equal($"The server certificate 'CN=localhost' is not valid until {Date(future.Certificate.NotBefore)}; check the clock of the client and of the machine that issued it.", rejection.Message);
        }

        [Fact]
        public void ANameMismatchShowsTheNamesAndTheHost()
        {
            var rejection = Reject(_certificates.WrongHost, CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath));
            Assert.Equal(CertificateRejectionKind.NameMismatch, rejection.Kind);
            Assert.Equal("The server certificate names 'db.example.com' but the client connected to 'localhost'; connect with a name the certificate holds, or have the certificate reissued for this name.", rejection.Message);
        }

        [Fact]
        public void APinMismatchShowsThePinSeen()
        {
            var validator = CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath, new[] { CustomCaCertificateValidator.PinOf(_certificates.WrongHost.Certificate) });
            var rejection = Reject(_certificates.Server, validator);
            Assert.Equal(CertificateRejectionKind.PinMismatch, rejection.Kind);
            Assert.Equal($"The server's public key pin is '{CustomCaCertificateValidator.PinOf(_certificates.Server.Certificate)}', which is not among the 1 pinned in Tls:PinnedPublicKeySha256; if the server's key changed on purpose, pin the new one.", rejection.Message);
        }

        [Fact]
        public void UnknownRevocationIsSaid()
        {
            var rejection = Reject(_certificates.Server, CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath, revocationMode: X509RevocationMode.Online));
            Assert.Equal(CertificateRejectionKind.RevocationUnknown, rejection.Kind);
            Assert.Equal("The revocation status of 'CN=localhost' is unknown: no revocation list or OCSP responder answered. If the CA publishes none, set Tls:RevocationMode to NoCheck.", rejection.Message);
        }

        [Fact]
        public void ARejectionIsLoggedAndAnAcceptanceLeavesNoReason()
        {
            var logs = new CapturingLoggerProvider();
            using var factory = LoggerFactory.Create(builder => builder.AddProvider(logs));
            var validator = CustomCaCertificateValidator.FromPemFile(_certificates.CaPemPath);
            validator.Logger = factory.CreateLogger("test");
            using (var server = OpenSslServer.Start(_certificates.Server))
            {
                Assert.True(TlsHandshake.Succeeds(server.Port, validator.Validate));
            }

            Assert.Null(validator.LastRejection);
            Assert.Empty(logs.Lines);

            var rejection = Reject(_certificates.WrongHost, validator);
            var line = Assert.Single(logs.Lines);
            Assert.Equal((LogLevel.Warning, "The MongoDB server's certificate was rejected: " + rejection.Message), (line.Level, line.Message));
        }

        private static CertificateRejection Reject(IssuedCertificate served, CustomCaCertificateValidator validator)
        {
            using var server = OpenSslServer.Start(served);
            Assert.False(TlsHandshake.Succeeds(server.Port, validator.Validate));
            return Assert.IsType<CertificateRejection>(validator.LastRejection);
        }

        private static string Date(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
    }
}
