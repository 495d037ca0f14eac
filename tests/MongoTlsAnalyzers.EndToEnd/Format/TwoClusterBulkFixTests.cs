using System;
using System.Collections.Generic;
using System.IO;
using MongoTlsAnalyzers.EndToEnd.Consumers;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;
using MongoTlsAnalyzers.Settings.Tests.Peers;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.EndToEnd.Format
{
    /// <summary>
    /// The README's bulk-fix command on a small service that talks to two clusters (issue 15: "one key for two
    /// clusters"): after <c>dotnet format analyzers</c> the files read text for text as expected, the service builds,
    /// and run against two real TLS peers (openssl s_server), each client reaches its own cluster. Had both connection
    /// strings gone to one key, the reporting client would have reached the orders peer.
    /// </summary>
    public sealed class TwoClusterBulkFixTests
    {
        private const string Program = """
using MongoDB.Bson;
using MongoDB.Driver;

var orders = new MongoClient("mongodb://orders_svc:0rd3rsPassw0rd@orders-db.example.com:27017/orders?tls=true");
var reporting = ReportingStore.Connect();
Ping(orders, "orders");
Ping(reporting, "reporting");

static void Ping(MongoClient client, string name)
{
    try
    {
        client.GetDatabase("admin").RunCommand<BsonDocument>(new BsonDocument("ping", 1));
        Console.WriteLine(name + ": ok");
    }
    catch (Exception ex)
    {
        Console.WriteLine(name + ": " + ex.GetType().Name);
    }
}

static class ReportingStore
{
    private const string ReportingConnectionString = "mongodb://report_svc:R3portPassw0rd@reporting-db.example.com:27017/reports?tls=true";

    public static MongoClient Connect() => new MongoClient(ReportingConnectionString);
}
""";

        private const string FixedProgram = """
using MongoDB.Bson;
using MongoDB.Driver;

var orders = new MongoClient(Environment.GetEnvironmentVariable("MONGODB_URI") ?? throw new InvalidOperationException("Set the MONGODB_URI environment variable to the MongoDB connection string."));
var reporting = ReportingStore.Connect();
Ping(orders, "orders");
Ping(reporting, "reporting");

static void Ping(MongoClient client, string name)
{
    try
    {
        client.GetDatabase("admin").RunCommand<BsonDocument>(new BsonDocument("ping", 1));
        Console.WriteLine(name + ": ok");
    }
    catch (Exception ex)
    {
        Console.WriteLine(name + ": " + ex.GetType().Name);
    }
}

static class ReportingStore
{
    public static MongoClient Connect() => new MongoClient(Environment.GetEnvironmentVariable("MONGODB_URI_REPORTING") ?? throw new InvalidOperationException("Set the MONGODB_URI_REPORTING environment variable to the 'Reporting' MongoDB connection string."));
}
""";

        private readonly ITestOutputHelper _output;

        public TwoClusterBulkFixTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TheReadmeBulkFixGivesEachClusterItsOwnKeyAndTheServiceReachesBoth()
        {
            using var consumer = new ConsumerProject("TwoClusters").WithProject(
                "Exe",
                new[] { (PackedPackages.AnalyzerPackageId, PackedPackages.Instance.Version), ("MongoDB.Driver", "3.14.0") });
            var path = consumer.Write("Program.cs", Program);
            Assert.Equal(0, consumer.Restore().ExitCode);

            // The README's command, run in the project folder.
            var format = consumer.Run("format", "analyzers", "--diagnostics", "MTA001", "MTA003", "MTA005", "MTA007", "--severity", "info");
            _output.WriteLine(format.Output);
            Assert.True(format.ExitCode == 0, format.Output);
            Assert.Equal(FixedProgram.ReplaceLineEndings(), File.ReadAllText(path).ReplaceLineEndings());

            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotContain(build.Diagnostics, d => d.Id == "MTA001" || d.Severity == "error");

            using var certificates = new TestCertificates();
            using var ordersPeer = OpenSslServer.StartPrintingWhatClientsSend(certificates.Server);
            using var reportingPeer = OpenSslServer.StartPrintingWhatClientsSend(certificates.Server);
            var environment = new Dictionary<string, string>
            {
                // The peers' certificate comes from the test CA, which this machine does not trust; the connection
                // strings come from the environment, where a test may say so.
                ["MONGODB_URI"] = $"mongodb://localhost:{ordersPeer.Port}/?tls=true&tlsInsecure=true&appName=orders-check&serverSelectionTimeoutMS=3000&directConnection=true",
                ["MONGODB_URI_REPORTING"] = $"mongodb://localhost:{reportingPeer.Port}/?tls=true&tlsInsecure=true&appName=reporting-check&serverSelectionTimeoutMS=3000&directConnection=true",
            };
            var dll = Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "TwoClusters.dll");
            var (exitCode, output) = DotNetCli.Run(consumer.Directory, TimeSpan.FromMinutes(2), environment, dll);
            _output.WriteLine(output);
            Assert.True(exitCode == 0, output);
            Assert.Contains("orders: ", output, StringComparison.Ordinal);
            Assert.Contains("reporting: ", output, StringComparison.Ordinal);

            // Each client's hello, sent over TLS, names its application: each reached its own peer, and only that one.
            Assert.True(ordersPeer.WaitForOutput("orders-check", TimeSpan.FromSeconds(30)), ordersPeer.Output);
            Assert.True(reportingPeer.WaitForOutput("reporting-check", TimeSpan.FromSeconds(30)), reportingPeer.Output);
            Assert.DoesNotContain("reporting-check", ordersPeer.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("orders-check", reportingPeer.Output, StringComparison.Ordinal);
        }
    }
}
