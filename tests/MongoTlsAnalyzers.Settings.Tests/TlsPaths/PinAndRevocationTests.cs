using System;
using System.Collections.Generic;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// <c>Tls:PinnedPublicKeySha256</c> and <c>Tls:RevocationMode</c> set in configuration (with the private CA in
    /// <c>Tls:CaCertificatePath</c>), with the real driver against openssl s_server: they reach the validator the
    /// helper installs and decide the handshake.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class PinAndRevocationTests
    {
        private readonly TestCertificates _certificates;

        public PinAndRevocationTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData("the server's pin")]
        [InlineData("a stale pin, then the server's in hex")]
        public void ThePinnedKeyIsAccepted(string pins)
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = WithCa(server.Port);
            var serverPin = CustomCaCertificateValidator.PinOf(_certificates.Server.Certificate);
            if (pins == "the server's pin")
            {
                values["MongoDB:Tls:PinnedPublicKeySha256:0"] = serverPin;
            }
            else
            {
                values["MongoDB:Tls:PinnedPublicKeySha256:0"] = CustomCaCertificateValidator.PinOf(_certificates.WrongHost.Certificate);
                values["MongoDB:Tls:PinnedPublicKeySha256:1"] = Convert.ToHexString(Convert.FromBase64String(serverPin));
            }

            DriverVerdict.Accepted(server, PeerConfiguration.Build(values));
        }

        [Fact]
        public void AnotherKeysPinIsAPinMismatchNamingThePinSeen()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = WithCa(server.Port);
            values["MongoDB:Tls:PinnedPublicKeySha256:0"] = CustomCaCertificateValidator.PinOf(_certificates.WrongHost.Certificate);

            var rejection = DriverVerdict.Rejected(server, PeerConfiguration.Build(values));

            Assert.Equal(CertificateRejectionKind.PinMismatch, rejection.Kind);
            Assert.Equal($"The server's public key pin is '{CustomCaCertificateValidator.PinOf(_certificates.Server.Certificate)}', which is not among the 1 pinned in Tls:PinnedPublicKeySha256; if the server's key changed on purpose, pin the new one.", rejection.Message);
        }

        [Fact]
        public void NoCheckAcceptsACertificateWithoutRevocationData()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = WithCa(server.Port);
            values["MongoDB:Tls:RevocationMode"] = "NoCheck";

            DriverVerdict.Accepted(server, PeerConfiguration.Build(values));
        }

        [Theory]
        [InlineData("Online")]
        [InlineData("Offline")]
        public void CheckingRevocationOfACertificateWithoutRevocationDataSaysItIsUnknown(string mode)
        {
            // The test CA publishes no CRL or OCSP responder, so no answer can be had, on line or from the cache.
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = WithCa(server.Port);
            values["MongoDB:Tls:RevocationMode"] = mode;

            var rejection = DriverVerdict.Rejected(server, PeerConfiguration.Build(values));

            Assert.Equal(CertificateRejectionKind.RevocationUnknown, rejection.Kind);
            Assert.Equal("The revocation status of 'CN=localhost' is unknown: no revocation list or OCSP responder answered. If the CA publishes none, set Tls:RevocationMode to NoCheck.", rejection.Message);
        }

        private Dictionary<string, string?> WithCa(int port)
        {
            var values = PeerConfiguration.Section(port);
            values["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath;
            return values;
        }
    }
}
