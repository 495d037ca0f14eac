using System;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// <c>WithCustomCa</c>, the extension for code that builds its own <see cref="MongoClientSettings"/>, with the
    /// real driver against openssl s_server: the right CA file is trusted; the wrong one, a wrong pin and a
    /// revocation check without revocation data are refused with their reasons.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class WithCustomCaTests
    {
        private readonly TestCertificates _certificates;

        public WithCustomCaTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public void TheRightCaFileIsTrusted()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            DriverVerdict.Accepted(server, Settings(server.Port).WithCustomCa(_certificates.CaPemPath));
        }

        [Theory]
        [InlineData("another CA", CertificateRejectionKind.UntrustedRoot)]
        [InlineData("the right CA, another key's pin", CertificateRejectionKind.PinMismatch)]
        [InlineData("the right CA, online revocation", CertificateRejectionKind.RevocationUnknown)]
        public void OtherwiseTheCertificateIsRefusedWithTheReason(string scenario, CertificateRejectionKind expected)
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var settings = scenario switch
            {
                "another CA" => Settings(server.Port).WithCustomCa(_certificates.OtherCaPemPath),
                "the right CA, another key's pin" => Settings(server.Port).WithCustomCa(_certificates.CaPemPath, new[] { CustomCaCertificateValidator.PinOf(_certificates.WrongHost.Certificate) }),
                _ => Settings(server.Port).WithCustomCa(_certificates.CaPemPath, revocationMode: X509RevocationMode.Online),
            };

            Assert.Equal(expected, DriverVerdict.Rejected(server, settings).Kind);
        }

        /// <summary>Settings as an application writes them without the helper's options; short timeouts for a peer that never answers.</summary>
        private static MongoClientSettings Settings(int port)
        {
            var settings = MongoClientSettings.FromConnectionString($"mongodb://localhost:{port}/?tls=true&directConnection=true");
            settings.ConnectTimeout = TimeSpan.FromSeconds(3);
            settings.ServerSelectionTimeout = TimeSpan.FromSeconds(3);
            return settings;
        }
    }
}
