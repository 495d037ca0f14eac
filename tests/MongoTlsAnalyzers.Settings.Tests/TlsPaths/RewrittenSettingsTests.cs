using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// The code the helper-tier fix (<c>MTA.UseSecureMongoSettings</c>) writes, run with the real driver against
    /// openssl s_server with a private CA. The application had
    /// <code>
    /// var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString("MongoDB"));
    /// settings.AllowInsecureTls = true;                      // MTA003, removed by the fix
    /// return new MongoClient(settings);
    /// </code>
    /// and the fix made it <c>var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment);</c>:
    /// the helper's CA validation is what runs, even in Development. The fix is not offered when a later write would
    /// follow the helper (docs/architecture.md "Fixes"); the last tests show what such a write does when left after the helper's
    /// settings: a later <c>SslSettings</c> drops the private CA.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class RewrittenSettingsTests
    {
        private readonly TestCertificates _certificates;

        public RewrittenSettingsTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData("Production")]
        [InlineData("Development")]
        public void TheFixedCodeTrustsThePrivateCa(string environment)
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            DriverVerdict.Accepted(server, FixedCode(server.Port, _certificates.CaPemPath, environment));
        }

        [Theory]
        [InlineData("Production")]
        [InlineData("Development")]
        public void TheFixedCodeRefusesAnotherCaThoughTheOriginalAllowedInsecureTls(string environment)
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var settings = FixedCode(server.Port, _certificates.OtherCaPemPath, environment);
            Assert.False(settings.AllowInsecureTls);
            Assert.Equal(CertificateRejectionKind.UntrustedRoot, DriverVerdict.Rejected(server, settings).Kind);
        }

        /// <summary>
        /// Measured, not assumed: with MongoDB.Driver 3.14 a certificate callback outranks <c>AllowInsecureTls</c>, so a
        /// later <c>AllowInsecureTls = true</c> leaves the helper's validator in charge. The fix is still not offered
        /// with such a write (it contradicts what the helper logs and validates, and other driver versions may differ).
        /// </summary>
        [Fact]
        public void ALaterAllowInsecureTlsWriteLeavesTheValidatorInChargeWithThisDriver()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var settings = FixedCode(server.Port, _certificates.OtherCaPemPath, "Production");
            settings.AllowInsecureTls = true;
            Assert.Equal(CertificateRejectionKind.UntrustedRoot, DriverVerdict.Rejected(server, settings).Kind);
        }

        [Fact]
        public void ALaterSslSettingsWriteWouldDropThePrivateCa()
        {
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var settings = FixedCode(server.Port, _certificates.CaPemPath, "Production");
            settings.SslSettings = new SslSettings { CheckCertificateRevocation = false };
            var attempt = DriverAttempt.Run(settings);
            Assert.True(attempt.HandshakeFailed, attempt.ToString());
            Assert.DoesNotContain(DriverAttempt.HelloMarker, server.Output, StringComparison.Ordinal);
        }

        /// <summary>
        /// <c>SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment)</c>, the fix's
        /// output, with the configuration the application moves to: the peer's URI and <c>Tls:CaCertificatePath</c>.
        /// </summary>
        private static MongoClientSettings FixedCode(int port, string caPemPath, string environmentName)
        {
            var values = PeerConfiguration.Section(port);
            values["MongoDB:Tls:CaCertificatePath"] = caPemPath;
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
            var environment = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environmentName, DisableDefaults = true }).Environment;
            var settings = SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment);
            return settings;
        }
    }
}
