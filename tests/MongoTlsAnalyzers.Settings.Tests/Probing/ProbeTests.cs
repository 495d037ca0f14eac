using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Settings.Probing;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.Probing
{
    /// <summary>
    /// MongoTlsProbe against real peers: openssl s_server with generated certificates, a TCP server that answers the
    /// ClientHello with a TLS alert, a plaintext server, a closed port and the Node.js MongoDB mock. Each failure's
    /// explanation is asserted word for word.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class ProbeTests
    {
        private readonly TestCertificates _certificates;

        public ProbeTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public async Task AGoodCertificateUnderTheGivenCaPassesWithItsDetails()
        {
            using var server = OpenSslServer.Start(_certificates.Server);
            var report = await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath);

            Assert.True(report.Passed, Describe(report));
            var host = Assert.Single(report.Hosts);
            Assert.Equal("127.0.0.1", host.Address);
            Assert.Equal("Tls13", host.TlsProtocol);
            Assert.StartsWith("TLS_", host.CipherSuite, StringComparison.Ordinal);
            Assert.NotNull(host.TcpConnectMilliseconds);
            Assert.NotNull(host.TlsHandshakeMilliseconds);
            var leaf = host.Certificates[0];
            Assert.Equal(("CN=localhost", "CN=MongoTlsAnalyzers Test Root CA"), (leaf.Subject, leaf.Issuer));
            Assert.Equal(CustomCaCertificateValidator.PinOf(_certificates.Server.Certificate), leaf.PublicKeySha256);
            Assert.InRange(leaf.DaysLeft, 28, 30);
            Assert.True(host.HostNameMatches);
            Assert.Equal((false, true), (host.SystemStoreValid, host.CaValid));
            Assert.Equal(CertificateRejectionKind.UntrustedRoot, host.SystemStoreRejection!.Kind);
            Assert.Null(host.Hello);
            Assert.Equal("The server did not answer a MongoDB hello: it may not be a MongoDB server.", host.HelloNote);
        }

        [Fact]
        public async Task WithoutTheCaAPrivateRootIsExplainedWithHowToTrustIt()
        {
            using var server = OpenSslServer.Start(_certificates.Server);
            var failure = Failure(await Probe($"mongodb://localhost:{server.Port}/?tls=true"));
            Assert.Equal("untrusted-root", failure.Code);
            Assert.Equal("The server certificate 'CN=localhost' chains to 'CN=MongoTlsAnalyzers Test Root CA', which is not trusted (the operating system's trust store does not hold it). If that CA is yours, trust it with Tls:CaCertificatePath (a PEM file); otherwise the server is not the one you meant.", failure.Explanation);
            Assert.Equal("If that CA is your organisation's, trust it with the helper: MongoDB:Tls:CaCertificatePath = the CA's PEM file (or WithCustomCa(path)); check it first with 'mongo-tls probe <uri> --ca ca.pem'. Atlas certificates chain to public CAs: do not set a custom CA for Atlas.", failure.NextStep);
        }

        [Fact]
        public async Task ACertificateFromAnotherCaIsAnUntrustedRootUnderTheGivenCa()
        {
            using var server = OpenSslServer.Start(_certificates.FromOtherCa);
            var failure = Failure(await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath));
            Assert.Equal("untrusted-root", failure.Code);
            Assert.Equal("The server certificate 'CN=localhost' chains to 'CN=Unrelated Test Root CA', which is not trusted (the trusted CAs are 'CN=MongoTlsAnalyzers Test Root CA'). If that CA is yours, trust it with Tls:CaCertificatePath (a PEM file); otherwise the server is not the one you meant.", failure.Explanation);
            Assert.StartsWith("The --ca file is not the CA that signed", failure.NextStep, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnExpiredCertificateIsExplained()
        {
            using var server = OpenSslServer.Start(_certificates.Expired);
            var report = await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath);
            var failure = Failure(report);
            Assert.Equal("expired", failure.Code);
            Assert.StartsWith("The server certificate 'CN=localhost' expired on ", failure.Explanation, StringComparison.Ordinal);
            Assert.Equal("Renew the server's certificate; the client cannot fix this.", failure.NextStep);
            Assert.True(report.Hosts[0].Certificates[0].DaysLeft < 0);
        }

        [Fact]
        public async Task AWrongHostIsANameMismatchWithTheNames()
        {
            using var server = OpenSslServer.Start(_certificates.WrongHost);
            var report = await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath);
            var failure = Failure(report);
            Assert.Equal("name-mismatch", failure.Code);
            Assert.Equal("The server certificate names 'db.example.com' but the client connected to 'localhost'; connect with a name the certificate holds, or have the certificate reissued for this name.", failure.Explanation);
            Assert.False(report.Hosts[0].HostNameMatches);
        }

        [Theory]
        [InlineData("-tls1_3", "Tls13")]
        [InlineData("-tls1_2", "Tls12")]
        public async Task TheNegotiatedProtocolIsReported(string only, string protocol)
        {
            using var server = OpenSslServer.Start(_certificates.Server, null, only);
            var report = await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath);
            Assert.True(report.Passed, Describe(report));
            Assert.Equal(protocol, report.Hosts[0].TlsProtocol);
        }

        [Fact]
        public async Task AServerOnlyOfferingTls11IsAProtocolVersionRefusal()
        {
            // SECLEVEL=0 lets OpenSSL 3 serve TLS 1.1 at all; the client offers only 1.2 and 1.3.
            using var server = OpenSslServer.Start(_certificates.Server, null, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0");
            var failure = Failure(await Probe($"mongodb://localhost:{server.Port}/?tls=true", _certificates.CaPemPath));
            Assert.Equal("tls-version", failure.Code);
            Assert.Equal("The server refused the handshake with the alert handshake_failure (40): it has no TLS version or cipher suite in common with this client, which offers TLS 1.2 and 1.3 with current cipher suites.", failure.Explanation);
        }

        [Fact]
        public async Task AnInternalErrorAlertFromAnAtlasHostPointsAtTheIpAccessList()
        {
            using var atlas = ScriptedTcpServer.Replying(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50);
            const string host = "cluster0-shard-00-00.ab1cd.mongodb.net";
            var report = await Probe($"mongodb://app:S3cret-Passw0rd@{host}:{atlas.Port}/?tls=true", resolve: $"{host}:{atlas.Port}:127.0.0.1");
            var failure = Failure(report);
            Assert.Equal("atlas-ip-access-list", failure.Code);
            Assert.Equal("The server answered the TLS handshake with the alert internal_error (80). Atlas (mongodb.net) sends it when the client's public IP address is not on the cluster's IP access list: it is not a certificate problem.", failure.Explanation);
            Assert.StartsWith("In Atlas, open Security > Network Access > IP Access List and add this machine's public IP address", failure.NextStep, StringComparison.Ordinal);
            Assert.Equal("127.0.0.1", report.Hosts[0].Address);
            Assert.Equal($"mongodb://app:****@{host}:{atlas.Port}/?tls=true", report.ConnectionString);
        }

        [Fact]
        public async Task TheSameAlertElsewhereIsAPlainTlsAlert()
        {
            using var other = ScriptedTcpServer.Replying(0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x50);
            var failure = Failure(await Probe($"mongodb://db.internal.example:{other.Port}/?tls=true", resolve: $"db.internal.example:{other.Port}:127.0.0.1"));
            Assert.Equal(("tls-alert", "The server ended the TLS handshake with the alert internal_error (80)."), (failure.Code, failure.Explanation));
        }

        [Fact]
        public async Task APlaintextServerWhereTlsIsExpectedIsSaid()
        {
            using var plaintext = ScriptedTcpServer.Replying(System.Text.Encoding.ASCII.GetBytes("HTTP/1.0 400 Bad Request\r\n\r\n"));
            var failure = Failure(await Probe($"mongodb://localhost:{plaintext.Port}/?tls=true"));
            Assert.Equal("plaintext", failure.Code);
            Assert.Equal($"localhost port {plaintext.Port} answered the TLS handshake with data that is not TLS: it speaks plaintext (MongoDB without TLS, or another protocol).", failure.Explanation);
        }

        [Fact]
        public async Task ATlsServerWhereNoTlsIsExpectedIsSaid()
        {
            using var server = OpenSslServer.Start(_certificates.Server);
            var failure = Failure(await Probe($"mongodb://localhost:{server.Port}/"));
            Assert.Equal(("tls-required", $"localhost port {server.Port} speaks TLS, but the connection string does not turn TLS on."), (failure.Code, failure.Explanation));
        }

        [Fact]
        public async Task AClosedPortIsARefusal()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var failure = Failure(await Probe($"mongodb://localhost:{port}/?tls=true"));
            Assert.Equal(("tcp-refused", $"The connection to localhost (127.0.0.1) port {port} was refused: nothing listens there."), (failure.Code, failure.Explanation));
        }

        [Fact]
        public async Task AnUnresolvableNameIsADnsFailure()
        {
            var failure = Failure(await Probe("mongodb://no-such-host.invalid:27017/?tls=true"));
            Assert.Equal("dns", failure.Code);
            Assert.StartsWith("The name 'no-such-host.invalid' does not resolve: ", failure.Explanation, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AMissingSrvRecordIsSaid()
        {
            var report = await MongoTlsProbe.RunAsync("mongodb+srv://no-such-cluster.invalid/", new MongoTlsProbeOptions { Timeout = TimeSpan.FromSeconds(3) });
            Assert.False(report.Passed);
            Assert.Equal("srv-missing", report.Failure!.Code);
            Assert.StartsWith("No SRV record '_mongodb._tcp.no-such-cluster.invalid' was found (", report.Failure.Explanation, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnSrvNameIsResolvedToItsHostsAndTxtOptions()
        {
            using var first = OpenSslServer.Start(_certificates.Server);
            using var second = OpenSslServer.Start(_certificates.Server);
            using var dns = new TinyDnsServer();
            dns.AddSrv("_mongodb._tcp.cluster0.test.example", "localhost", first.Port);
            dns.AddSrv("_mongodb._tcp.cluster0.test.example", "localhost", second.Port);
            dns.AddTxt("cluster0.test.example", "authSource=admin&replicaSet=rs0");
            var options = new MongoTlsProbeOptions { CaPemPath = _certificates.CaPemPath, Timeout = TimeSpan.FromSeconds(3) };
            options.DnsServers.Add(dns.EndPoint);

            var report = await MongoTlsProbe.RunAsync("mongodb+srv://app:S3cret-Passw0rd@cluster0.test.example/", options);
            Assert.True(report.Passed, Describe(report));
            Assert.Equal("_mongodb._tcp.cluster0.test.example", report.Dns!.SrvName);
            Assert.Equal(new[] { "localhost:" + first.Port, "localhost:" + second.Port }, report.Dns.Hosts);
            Assert.Equal("authSource=admin&replicaSet=rs0", report.Dns.TxtOptions);
            Assert.Equal(new[] { first.Port, second.Port }, report.Hosts.Select(h => h.Port));
            Assert.True(report.TlsExpected);
            Assert.Equal("mongodb+srv://app:****@cluster0.test.example/", report.ConnectionString);
        }

        [Fact]
        public async Task AnSrvNameWithoutRecordsIsSaidAgainstARealServer()
        {
            using var dns = new TinyDnsServer();
            var options = new MongoTlsProbeOptions { Timeout = TimeSpan.FromSeconds(3) };
            options.DnsServers.Add(dns.EndPoint);
            var report = await MongoTlsProbe.RunAsync("mongodb+srv://cluster9.test.example/", options);
            Assert.Equal("srv-missing", report.Failure!.Code);
            Assert.StartsWith("No SRV record '_mongodb._tcp.cluster9.test.example' was found (", report.Failure.Explanation, StringComparison.Ordinal);
        }

        [Fact]
        public async Task AMongoDbServerAnswersHello()
        {
            using var mongo = MockMongoServer.Start(_certificates.Server);
            var report = await Probe($"mongodb://localhost:{mongo.Port}/?tls=true", _certificates.CaPemPath);
            Assert.True(report.Passed, Describe(report));
            Assert.Equal("isMaster (legacy OP_QUERY; the server does not answer OP_MSG hello): writable primary true, maxWireVersion 5", report.Hosts[0].Hello);
        }

        internal static string Describe(ProbeReport report) =>
            string.Join("; ", report.Hosts.Select(h => $"{h.Host}:{h.Port} {h.Failure?.Code} {h.Failure?.Explanation} {h.HelloNote}")) + report.Failure?.Explanation;

        private static ProbeFailure Failure(ProbeReport report)
        {
            Assert.False(report.Passed);
            return Assert.Single(report.Hosts).Failure ?? throw new InvalidOperationException("No failure: " + Describe(report));
        }

        private static Task<ProbeReport> Probe(string connectionString, string? ca = null, string? resolve = null)
        {
            var options = new MongoTlsProbeOptions { CaPemPath = ca, Timeout = TimeSpan.FromSeconds(3) };
            if (resolve is not null)
            {
                Assert.True(options.AddResolve(resolve));
            }

            return MongoTlsProbe.RunAsync(connectionString, options);
        }
    }
}
