using System;
using System.Collections.Generic;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Consumers
{
    /// <summary>
    /// docs/architecture.md "Test code" through real builds: the package makes IsTestProject and IsPackable visible,
    /// and the same two files are judged as a test project, as a packable library with co-located tests, and (the
    /// shipped file alone) as a plain library. MTA002 is raised to a warning so that dotnet build prints it.
    /// </summary>
    public sealed class TestCodeConsumerTests
    {
        private const string XunitVersion = "2.9.3";
        private const string TestSdkVersion = "17.14.1";

        // Line 5: MTA002 and MTA003 (test-silent). Line 7: a password beside a single-label host, MTA001 only where
        // the file is not test code.
        private const string Store = """
using MongoDB.Driver;

public static class Store
{
    public static IMongoClient Create() => new MongoClient("mongodb://db.acme.io/?tls=true&tlsInsecure=true");

    public static IMongoClient Fixture() => new MongoClient("mongodb://admin:S3cretFixtureOne@mydocdbserver:27017/?tls=true");
}
""";

        // Line 9: test-silent. Line 10: a fixture. Line 11: a real host (MTA001 everywhere). Line 12: MTA006 everywhere.
        private const string StoreTests = """
using MongoDB.Driver;
using Xunit;

public class StoreTests
{
    [Fact]
    public void Connects()
    {
        _ = new MongoClient("mongodb://db.acme.io/?tls=true&tlsInsecure=true");
        _ = new MongoClient("mongodb://admin:S3cretFixtureTwo@db.example.com:27017/?tls=true");
        _ = new MongoClient("mongodb://admin:S3cretLeakedThree@cluster0.x1y2z.mongodb.net/?tls=true");
        _ = new MongoClient("mongodb://localhost/?tls=true&tlsCAFile=/etc/ssl/ca.pem");
    }
}
""";

        [Fact]
        public void ATestProjectIsSilentForTheTestSilentRulesAndItsFixtureHosts()
        {
            using var consumer = Consumer("TestProject", "Library", withXunit: true, testSdk: true, packable: null);
            var build = Build(consumer);
            Assert.Equal(new[] { "StoreTests.cs:11:MTA001", "StoreTests.cs:12:MTA006" }, build.Mta());
        }

        [Fact]
        public void APackableLibraryWithCoLocatedTestsIsAnalysedAndOnlyItsTestFileIsTestCode()
        {
            // xunit sets IsTestProject in this project too; IsPackable=true is what a library that ships sets.
            using var consumer = Consumer("PackableLibrary", "Library", withXunit: true, testSdk: false, packable: true);
            var build = Build(consumer);
            Assert.Equal(
                new[] { "Store.cs:5:MTA002", "Store.cs:5:MTA003", "Store.cs:7:MTA001", "StoreTests.cs:11:MTA001", "StoreTests.cs:12:MTA006" },
                build.Mta());
        }

        [Fact]
        public void APlainLibraryIsAnalysedInFull()
        {
            using var consumer = Consumer("PlainLibrary", "Library", withXunit: false, testSdk: false, packable: null);
            // An attribute of its own named Fact makes no test file.
            consumer.Write("Checks.cs", """
using MongoDB.Driver;

public sealed class FactAttribute : System.Attribute { }

public static class Checks
{
    [Fact]
    public static IMongoClient Probe() => new MongoClient("mongodb://admin:S3cretProbeFour@mydocdbserver/?tls=true");
}
""");
            var build = Build(consumer);
            Assert.Equal(
                new[] { "Checks.cs:8:MTA001", "Store.cs:5:MTA002", "Store.cs:5:MTA003", "Store.cs:7:MTA001" },
                build.Mta());
        }

        private static ConsumerProject Consumer(string name, string outputType, bool withXunit, bool testSdk, bool? packable)
        {
            var packages = new List<(string, string)>
            {
                (PackedPackages.AnalyzerPackageId, PackedPackages.Instance.Version),
                ("MongoDB.Driver", "3.14.0"),
            };
            if (withXunit)
            {
                packages.Add(("xunit", XunitVersion));
            }

            if (testSdk)
            {
                packages.Add(("Microsoft.NET.Test.Sdk", TestSdkVersion));
            }

            var consumer = new ConsumerProject(name).WithProject(
                outputType,
                packages,
                packable is null ? string.Empty : $"    <IsPackable>{(packable.Value ? "true" : "false")}</IsPackable>\n");
            consumer.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MTA002.severity = warning\n");
            consumer.Write("Store.cs", Store);
            if (withXunit)
            {
                consumer.Write("StoreTests.cs", StoreTests);
            }

            return consumer;
        }

        private static BuildResult Build(ConsumerProject consumer)
        {
            var restore = consumer.Restore();
            Assert.True(restore.ExitCode == 0, restore.Output);
            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            foreach (var password in new[] { "S3cretFixtureOne", "S3cretFixtureTwo", "S3cretLeakedThree", "S3cretProbeFour" })
            {
                Assert.DoesNotContain(password, build.Output, StringComparison.Ordinal);
            }

            return build;
        }
    }
}
