using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MongoTlsAnalyzers.Settings.Tests.Logging;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// Client certificates set in configuration (<c>Tls:ClientCertificatePath</c>, with
    /// <c>Tls:ClientCertificatePassword</c> for a PFX or <c>Tls:ClientKeyPath</c> for a PEM key) with the real driver
    /// against <c>openssl s_server -Verify 1 -verify_return_error -CAfile</c> the client CA, which demands a client
    /// certificate and fails the handshake unless it verifies. openssl prints each certificate of the client's chain
    /// it verified, the certificate it received and then the driver's hello.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class ClientCertificateTests
    {
        private readonly TestCertificates _certificates;

        public ClientCertificateTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData("PFX with a password")]
        [InlineData("PEM certificate and PEM key")]
        [InlineData("PEM file with the certificate and its key")]
        public void TheServerReceivesAndVerifiesTheClientCertificate(string form)
        {
            using var server = StartDemandingAClientCertificate();
            var values = TrustingTheServer(server.Port);
            var client = _certificates.Client;
            // A fresh password for each run; it is never written to the test output.
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            switch (form)
            {
                case "PFX with a password":
                    values["MongoDB:Tls:ClientCertificatePath"] = _certificates.WritePfx(client, password);
                    values["MongoDB:Tls:ClientCertificatePassword"] = password;
                    break;
                case "PEM certificate and PEM key":
                    values["MongoDB:Tls:ClientCertificatePath"] = client.CertificatePemPath;
                    values["MongoDB:Tls:ClientKeyPath"] = client.KeyPemPath;
                    break;
                default:
                    values["MongoDB:Tls:ClientCertificatePath"] = _certificates.Write("orders-svc-with-key.pem", File.ReadAllText(client.CertificatePemPath) + "\n" + File.ReadAllText(client.KeyPemPath));
                    break;
            }

            var logs = new CapturingLoggerProvider();
            using (var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs)))
            {
                DriverVerdict.Accepted(server, PeerConfiguration.Build(values, loggerFactory));
            }

            Assert.True(server.WaitForOutput(output => VerifyLines(output).Length >= 4, DriverAttempt.HangGuard), server.Output);
            Assert.True(server.WaitForOutput("subject=CN = orders-svc", DriverAttempt.HangGuard), server.Output);
            Assert.Equal(new[] { "depth=1 CN = MongoTlsAnalyzers Test Root CA", "verify return:1", "depth=0 CN = orders-svc", "verify return:1" }, VerifyLines(server.Output).Take(4));
            Assert.Contains("issuer=CN = MongoTlsAnalyzers Test Root CA", Lines(server.Output));
            Assert.DoesNotContain(logs.Lines, line => line.Message.Contains(password, StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("-tls1_3", "alert certificate required")]
        [InlineData("-tls1_2", "alert handshake failure")]
        public void WithoutAClientCertificateTheServerFailsTheHandshake(string protocol, string alert)
        {
            using var server = StartDemandingAClientCertificate(protocol);
            var settings = PeerConfiguration.Build(TrustingTheServer(server.Port));

            var attempt = DriverAttempt.Run(settings);

            // TLS 1.2 fails the handshake itself; TLS 1.3 sends the alert after the client's last handshake message,
            // so the driver reads it instead of the hello's reply. Either way the server got no further.
            Assert.True(server.WaitForOutput("peer did not return a certificate", DriverAttempt.HangGuard), server.Output);
            Assert.Contains(attempt.Chain, e => e.Message.Contains(alert, StringComparison.Ordinal));
            Assert.Equal(protocol == "-tls1_2", attempt.HandshakeFailed);
            Assert.DoesNotContain(DriverAttempt.HelloMarker, server.Output, StringComparison.Ordinal);
            Assert.Null(DriverVerdict.Validator(settings).LastRejection);
        }

        [Fact]
        public void AClientCertificateFromAnotherCaFailsTheServersVerification()
        {
            var now = DateTimeOffset.UtcNow;
            var stranger = _certificates.Issue(_certificates.OtherCaCertificate, "CN=stranger-svc", Array.Empty<string>(), now.AddDays(-1), now.AddDays(30));
            using var server = StartDemandingAClientCertificate();
            var values = TrustingTheServer(server.Port);
            values["MongoDB:Tls:ClientCertificatePath"] = stranger.CertificatePemPath;
            values["MongoDB:Tls:ClientKeyPath"] = stranger.KeyPemPath;

            var settings = PeerConfiguration.Build(values);

            var attempt = DriverAttempt.Run(settings);

            Assert.True(server.WaitForOutput("certificate verify failed", DriverAttempt.HangGuard), server.Output);
            Assert.Equal(new[] { "depth=0 CN = stranger-svc", "verify error:num=20:unable to get local issuer certificate" }, VerifyLines(server.Output).Take(2));
            Assert.DoesNotContain(DriverAttempt.HelloMarker, server.Output, StringComparison.Ordinal);
            Assert.Contains(attempt.Chain, e => e.Message.Contains("alert unknown ca", StringComparison.Ordinal));
            Assert.Null(DriverVerdict.Validator(settings).LastRejection);
        }

        private OpenSslServer StartDemandingAClientCertificate(params string[] extraArguments) =>
            OpenSslServer.StartPrintingWhatClientsSend(
                _certificates.Server,
                new[] { "-Verify", "1", "-verify_return_error", "-CAfile", _certificates.CaPemPath }.Concat(extraArguments).ToArray());

        private Dictionary<string, string?> TrustingTheServer(int port)
        {
            var values = PeerConfiguration.Section(port);
            values["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath;
            return values;
        }

        private static string[] Lines(string output) => output.Split('\n').Select(line => line.TrimEnd('\r')).ToArray();

        /// <summary>What openssl's verify callback printed about the client's chain: "depth=N subject" and "verify return:1" or "verify error:...".</summary>
        private static string[] VerifyLines(string output) =>
            Lines(output).Where(line => line.StartsWith("depth=", StringComparison.Ordinal) || line.StartsWith("verify return:", StringComparison.Ordinal) || line.StartsWith("verify error:", StringComparison.Ordinal)).ToArray();
    }
}
