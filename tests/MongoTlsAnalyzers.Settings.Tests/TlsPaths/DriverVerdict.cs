using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// Runs the real driver with the helper's settings against <c>openssl s_server</c> (started with
    /// <see cref="OpenSslServer.StartPrintingWhatClientsSend"/>) and asserts which way the TLS handshake went.
    /// </summary>
    internal static class DriverVerdict
    {
        /// <summary>
        /// The driver completed the handshake and sent its hello over the session, which openssl printed; the
        /// helper's validator, when there is one, rejected nothing.
        /// </summary>
        public static void Accepted(OpenSslServer server, MongoClientSettings settings)
        {
            var attempt = DriverAttempt.Run(settings);
            Assert.False(attempt.HandshakeFailed, attempt.ToString());
            Assert.True(DriverAttempt.HelloReached(server), "openssl never printed the driver's hello; the driver's failure: " + attempt + "\nopenssl:\n" + server.Output);
            if (settings.SslSettings?.ServerCertificateValidationCallback?.Target is CustomCaCertificateValidator validator)
            {
                Assert.Null(validator.LastRejection);
            }
        }

        /// <summary>The driver refused the server's certificate and sent nothing; the helper's validator says why.</summary>
        public static CertificateRejection Rejected(OpenSslServer server, MongoClientSettings settings)
        {
            var attempt = DriverAttempt.Run(settings);
            Assert.True(attempt.HandshakeFailed, attempt.ToString());
            Assert.DoesNotContain(DriverAttempt.HelloMarker, server.Output, System.StringComparison.Ordinal);
            return Assert.IsType<CertificateRejection>(Validator(settings).LastRejection);
        }

        /// <summary>The validator the helper installed as the driver's certificate callback.</summary>
        public static CustomCaCertificateValidator Validator(MongoClientSettings settings) =>
            Assert.IsType<CustomCaCertificateValidator>(settings.SslSettings?.ServerCertificateValidationCallback?.Target);
    }
}
