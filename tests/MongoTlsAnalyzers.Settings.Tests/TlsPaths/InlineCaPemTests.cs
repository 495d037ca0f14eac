using Microsoft.Extensions.Logging;
using MongoTlsAnalyzers.Settings.Tests.Logging;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// <c>Tls:CaCertificatePem</c>, the private CA as PEM text in configuration, with the real driver against
    /// openssl s_server: a server certificate issued by that CA is trusted, and with another CA in the key the same
    /// certificate is refused as an untrusted root, the reason logged.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class InlineCaPemTests
    {
        private readonly TestCertificates _certificates;

        public InlineCaPemTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public void AServerCertificateIssuedByTheInlineCaIsTrusted()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = PeerConfiguration.Section(server.Port);
            values["MongoDB:Tls:CaCertificatePem"] = _certificates.CaCertificate.ExportCertificatePem();

            DriverVerdict.Accepted(server, PeerConfiguration.Build(values));
        }

        [Fact]
        public void WithAnotherCaInlineTheCertificateIsAnUntrustedRootAndTheReasonIsLogged()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = PeerConfiguration.Section(server.Port);
            values["MongoDB:Tls:CaCertificatePem"] = _certificates.OtherCaCertificate.ExportCertificatePem();
            var logs = new CapturingLoggerProvider();
            using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs));

            var rejection = DriverVerdict.Rejected(server, PeerConfiguration.Build(values, loggerFactory));

            Assert.Equal(CertificateRejectionKind.UntrustedRoot, rejection.Kind);
            Assert.Equal("The server certificate 'CN=localhost' chains to 'CN=MongoTlsAnalyzers Test Root CA', which is not trusted (the trusted CAs are 'CN=Unrelated Test Root CA'). If that CA is yours, trust it with Tls:CaCertificatePath (a PEM file); otherwise the server is not the one you meant.", rejection.Message);
            Assert.Contains(logs.From(typeof(CustomCaCertificateValidator).FullName!), line => line.Level == LogLevel.Warning && line.Message == "The MongoDB server's certificate was rejected: " + rejection.Message);
        }
    }
}
