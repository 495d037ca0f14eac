using System;
using System.Linq;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings.Tests.Peers;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Settings.Tests
{
    /// <summary>
    /// The helper against a real TLS peer (openssl s_server) with certificates generated here: the validator on
    /// its own through SslStream, and the helper's settings through the real MongoDB driver. A handshake that
    /// passes fails afterwards on the protocol (the peer is not MongoDB); one that is refused fails with an
    /// AuthenticationException. The tests read which of the two happened.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class RealTlsTests
    {
        private readonly ITestOutputHelper _output;
        private readonly TestCertificates _certificates;

        public RealTlsTests(ITestOutputHelper output, TestCertificates certificates)
        {
            _output = output;
            _certificates = certificates;
        }

        private TestCertificates Certificates => _certificates;

        public static TheoryData<string, bool> ValidatorCases => new TheoryData<string, bool>
        {
            { "right CA", true },
            { "right CA, server certificate from an intermediate", true },
            { "bundle with the right CA", true },
            { "wrong CA", false },
            { "expired", false },
            { "wrong host", false },
            { "issued by another CA", false },
            { "matching pin", true },
            { "wrong pin", false },
            { "online revocation without revocation data", false },
        };

        [Theory]
        [MemberData(nameof(ValidatorCases))]
        public void ValidatorAcceptsOnlyTheRightCa(string scenario, bool accepted)
        {
            var certificates = Certificates;
            var served = scenario switch
            {
                "expired" => certificates.Expired,
                "wrong host" => certificates.WrongHost,
                "issued by another CA" => certificates.FromOtherCa,
                _ => certificates.Server,
            };
            var caFile = scenario switch
            {
                "wrong CA" => certificates.OtherCaPemPath,
                "bundle with the right CA" => certificates.BundlePemPath,
                _ => certificates.CaPemPath,
            };
            var pins = scenario switch
            {
                "matching pin" => new[] { CustomCaCertificateValidator.PinOf(certificates.Server.Certificate) },
                "wrong pin" => new[] { CustomCaCertificateValidator.PinOf(certificates.WrongHost.Certificate) },
                _ => null,
            };
            var revocation = scenario.StartsWith("online", StringComparison.Ordinal) ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
            var validator = CustomCaCertificateValidator.FromPemFile(caFile, pins, revocation);

            using var server = scenario.Contains("intermediate", StringComparison.Ordinal)
                ? OpenSslServer.Start(certificates.ServerViaIntermediate, certificates.IntermediatePemPath)
                : OpenSslServer.Start(served);
            Assert.Equal(accepted, TlsHandshake.Succeeds(server.Port, validator.Validate));
        }

        [Fact]
        public void WithoutTheValidatorTheTestCaIsNotTrusted()
        {
            // Proves the peer really needs the custom CA: the platform alone refuses it.
            using var server = OpenSslServer.Start(Certificates.Server);
            Assert.False(TlsHandshake.Succeeds(server.Port, (_, _, _, errors) => errors == SslPolicyErrors.None));
        }

        public static TheoryData<string, bool> DriverCases => new TheoryData<string, bool>
        {
            { "right CA", true },
            { "wrong CA", false },
            { "expired", false },
            { "wrong host", false },
        };

        [Theory]
        [MemberData(nameof(DriverCases))]
        public void HelperSettingsWithTheRealDriverAcceptOnlyTheRightCa(string scenario, bool accepted)
        {
            var certificates = Certificates;
            var served = scenario switch
            {
                "expired" => certificates.Expired,
                "wrong host" => certificates.WrongHost,
                _ => certificates.Server,
            };
            using var server = MockMongoServer.Start(served);
            var options = Options(server.Port);
            options.Tls.CaCertificatePath = scenario == "wrong CA" ? certificates.OtherCaPemPath : certificates.CaPemPath;

            var outcome = ConnectWithDriver(SecureMongoSettings.Build(options, Environment("Production")));
            _output.WriteLine(scenario + ": " + outcome);
            Assert.Equal(accepted ? Outcome.ServerReplied : Outcome.CertificateRejected, outcome.Kind);
        }

        [Theory]
        [InlineData("Development", true)]
        [InlineData("Production", false)]
        [InlineData("Staging", false)]
        [InlineData(null, false)]
        public void InsecureTlsIsHonouredOnlyInDevelopment(string? environment, bool accepted)
        {
            using var server = MockMongoServer.Start(Certificates.FromOtherCa);
            var options = Options(server.Port);
            options.Tls.AllowInsecureTlsInDevelopment = true;

            var settings = SecureMongoSettings.Build(options, environment is null ? null : Environment(environment));
            Assert.Equal(accepted, settings.AllowInsecureTls);
            var outcome = ConnectWithDriver(settings);
            _output.WriteLine((environment ?? "no environment") + ": " + outcome);
            Assert.Equal(accepted ? Outcome.ServerReplied : Outcome.CertificateRejected, outcome.Kind);
        }

        private static SecureMongoOptions Options(int port) => new SecureMongoOptions
        {
            ConnectionString = $"mongodb://localhost:{port}/?tls=true&directConnection=true",
            Timeouts = new SecureMongoTimeoutOptions
            {
                ServerSelection = TimeSpan.FromSeconds(3),
                Connect = TimeSpan.FromSeconds(3),
                AllowBelowRecommended = true,
            },
        };

        /// <summary>How a connection through the real driver ended.</summary>
        public enum Outcome
        {
            /// <summary>TLS was refused: the driver's monitor failed with an AuthenticationException.</summary>
            CertificateRejected,

            /// <summary>TLS passed and the server's hello reply was read (the mock then counts as too old).</summary>
            ServerReplied,

            /// <summary>Anything else: a test failure.</summary>
            Other,
        }

        /// <summary>Runs a ping through the real driver and reports what the server monitor saw.</summary>
        private static (Outcome Kind, string Detail) ConnectWithDriver(MongoClientSettings settings)
        {
            using var client = new MongoClient(settings);
            try
            {
                client.GetDatabase("admin").RunCommand<BsonDocument>(new BsonDocument("ping", 1));
                return (Outcome.Other, "the ping succeeded against a mock server");
            }
            catch (MongoIncompatibleDriverException ex)
            {
                // Only reachable after a completed TLS handshake and a parsed hello reply.
                var server = client.Cluster.Description.Servers.Single();
                var replied = server.State == MongoDB.Driver.Core.Servers.ServerState.Connected && server.MaxWireVersion == 5;
                return (replied ? Outcome.ServerReplied : Outcome.Other, ex.GetType().Name + ": state " + server.State + ", max wire version " + server.MaxWireVersion);
            }
            catch (Exception ex) when (ex is TimeoutException or MongoException)
            {
                var text = ex.GetType().Name + ": " + ex.Message + " :: ";
                var rejected = false;
                for (var current = client.Cluster.Description.Servers.Single().HeartbeatException; current is not null; current = current.InnerException)
                {
                    text += current.GetType().Name + " (" + current.Message + ") <- ";
                    rejected |= current is AuthenticationException;
                }

                return (rejected ? Outcome.CertificateRejected : Outcome.Other, text);
            }
        }

        private static IHostEnvironment Environment(string name) => new TestEnvironment(name);

        private sealed class TestEnvironment : IHostEnvironment
        {
            public TestEnvironment(string name)
            {
                EnvironmentName = name;
            }

            public string EnvironmentName { get; set; }

            public string ApplicationName { get; set; } = "tests";

            public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

            public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
        }
    }
}
