using System;
using System.Linq;
using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// The Development environment alone does not turn certificate validation off: in a host whose environment is
    /// Development, the client registered with <c>AddSecureMongoClient</c> refuses a certificate it cannot trust in a
    /// real handshake with openssl s_server, unless <c>Tls:AllowInsecureTlsInDevelopment</c> is true, and that flag
    /// does nothing outside Development.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class DevelopmentTlsTests
    {
        private readonly TestCertificates _certificates;

        public DevelopmentTlsTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Theory]
        [InlineData("Development", null, false)]
        [InlineData("Development", "false", false)]
        [InlineData("Development", "true", true)]
        [InlineData("Production", "true", false)]
        public void AnUntrustedCertificateIsAcceptedOnlyInDevelopmentWithTheFlag(string environment, string? allowInsecureTlsInDevelopment, bool accepted)
        {
            // The server's certificate comes from the test CA, which the operating system does not trust, and no CA is configured.
            using var server = OpenSslServer.StartPrintingWhatClientsSend(_certificates.Server);
            var values = PeerConfiguration.Section(server.Port);
            if (allowInsecureTlsInDevelopment is not null)
            {
                values["MongoDB:Tls:AllowInsecureTlsInDevelopment"] = allowInsecureTlsInDevelopment;
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
            builder.Configuration.AddInMemoryCollection(values);
            builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            DriverAttempt attempt;
            using (var host = builder.Build())
            {
                host.Start();
                var client = host.Services.GetRequiredService<IMongoClient>();
                Assert.Equal(accepted, client.Settings.AllowInsecureTls);
                attempt = DriverAttempt.FirstHeartbeat(client);
            }

            // The host disposed the client: openssl has printed whatever the driver sent.
            if (accepted)
            {
                Assert.False(attempt.HandshakeFailed, attempt.ToString());
                Assert.True(DriverAttempt.HelloReached(server), "openssl never printed the driver's hello; the driver's failure: " + attempt + "\nopenssl:\n" + server.Output);
            }
            else
            {
                var refusal = Assert.Single(attempt.Chain.OfType<AuthenticationException>());
                // The platform's own validation refused the chain (the test CA is in no trust store): nothing turned it off.
                Assert.StartsWith("The remote certificate is invalid because of errors in the certificate chain", refusal.Message, StringComparison.Ordinal);
                Assert.DoesNotContain(DriverAttempt.HelloMarker, server.Output, StringComparison.Ordinal);
            }
        }
    }
}
