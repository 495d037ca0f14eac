using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Consumers
{
    /// <summary>
    /// A user's project installs MongoTlsAnalyzers from the local feed and builds with the real dotnet CLI:
    /// the warnings, -warnaserror, SARIF and .editorconfig, against both driver lines and without the driver.
    /// </summary>
    public sealed class ConsumerBuildTests
    {
        [Theory]
        [InlineData("3.14.0")]
        [InlineData("2.30.0")]
        public void TheInsecureAppReportsEveryExpectedWarningWithSarifAndWarnAsError(string driverVersion)
        {
            using var consumer = InsecureAppConsumer("Driver" + driverVersion.Replace(".", string.Empty), driverVersion);
            Assert.Equal(0, consumer.Restore().ExitCode);

            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Equal(SampleExpectations.Lines(), build.Mta());
            Assert.All(build.Diagnostics.Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal)), d => Assert.Equal("warning", d.Severity));
            AssertNoPassword(build.Output);
            Assert.Contains(build.Diagnostics, d => d.Id == "MTA001" && d.Message.Contains("orders_svc:****@mongo-prod-01", StringComparison.Ordinal));

            // The README's CI command: MTA001 fails the build, and the SARIF log records it.
            var strict = consumer.Build("-warnaserror:MTA001", "-p:ErrorLog=mongo.sarif%2Cversion%3D2.1");
            Assert.NotEqual(0, strict.ExitCode);
            Assert.Equal(
                SampleExpectations.Lines(id => id == "MTA001" ? "error" : "warning"),
                strict.Mta(withSeverity: true));
            AssertSarif(Path.Combine(consumer.Directory, "mongo.sarif"));
        }

        [Fact]
        public void EditorConfigSeveritiesAndThresholdsTakeEffect()
        {
            using var consumer = InsecureAppConsumer("EditorConfig", "3.14.0");
            consumer.Write(".editorconfig", @"root = true

[*.cs]
dotnet_diagnostic.MTA001.severity = none
dotnet_diagnostic.MTA002.severity = error
dotnet_diagnostic.MTA010.severity = suggestion
mongo_tls.min_connect_timeout = 20s
");
            // Quiet under the default 5 s floor; below the 20 s floor configured above.
            consumer.Write("Timeouts.cs", @"using MongoDB.Driver;

static class Timeouts
{
    public static void Apply(MongoClientSettings settings)
    {
        settings.ConnectTimeout = TimeSpan.FromSeconds(8);
    }
}
");
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = consumer.Build();

            Assert.NotEqual(0, build.ExitCode);
            var expected = SampleExpectations.Lines(id => id switch
            {
                "MTA001" or "MTA010" => null,
                "MTA002" => "error",
                _ => "warning",
            }).Append("Timeouts.cs:7:warning MTA007").OrderBy(s => s, StringComparer.Ordinal);
            Assert.Equal(expected, build.Mta(withSeverity: true));
            Assert.Contains(build.Diagnostics, d => d.File == "Timeouts.cs" && d.Id == "MTA007" && d.Message.Contains("20 s", StringComparison.Ordinal));
        }

        [Fact]
        public void AProjectWithoutMongoDbGetsNoDiagnosticsEvenWithMongoLookingCode()
        {
            using var consumer = new ConsumerProject("NoMongo")
                .WithProject("Exe", Array.Empty<(string, string)>());
            // The README's install command, as a user types it.
            var add = consumer.Run("add", consumer.ProjectPath, "package", PackedPackages.AnalyzerPackageId);
            Assert.True(add.ExitCode == 0, add.Output);
            var project = File.ReadAllText(consumer.ProjectPath);
            Assert.Contains($"<PackageReference Include=\"{PackedPackages.AnalyzerPackageId}\" Version=\"{PackedPackages.Instance.Version}\">", project, StringComparison.Ordinal);
            // developmentDependency: the reference stays private to the project.
            Assert.Contains("<PrivateAssets>all</PrivateAssets>", project, StringComparison.Ordinal);
            consumer.Write("Program.cs", @"using System.Net.Security;

// Looks like MongoDB code, but there is no driver: the analyzers must register nothing.
var uri = ""mongodb://admin:Pa55word@db.example.com/?tlsInsecure=true&tlsCAFile=/ca.pem&connectTimeoutMS=1"";
RemoteCertificateValidationCallback accept = (sender, certificate, chain, errors) => true;
Console.WriteLine(uri.Length + (accept(new object(), null, null, SslPolicyErrors.None) ? 1 : 0));

class MongoClient
{
    public MongoClient(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }
}
");
            Assert.Equal(0, consumer.Restore().ExitCode);
            AssertAnalyzerIsInstalled(consumer);

            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Empty(build.Mta());
        }

        [Fact]
        public void InstallingTheHelperBringsTheAnalyzers()
        {
            using var consumer = new ConsumerProject("HelperOnly")
                .WithProject("Library", Array.Empty<(string, string)>());
            var add = consumer.Run("add", consumer.ProjectPath, "package", PackedPackages.HelperPackageId);
            Assert.True(add.ExitCode == 0, add.Output);
            Assert.Contains($"<PackageReference Include=\"{PackedPackages.HelperPackageId}\" Version=\"{PackedPackages.Instance.Version}\" />", File.ReadAllText(consumer.ProjectPath), StringComparison.Ordinal);
            consumer.Write("Store.cs", @"using MongoDB.Driver;

public static class Store
{
    public static IMongoClient Create() => new MongoClient(""mongodb://app:Hunter2Hunter2@db.example.com/?tls=true"");
}
");
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Equal(new[] { "Store.cs:5:MTA001" }, build.Mta());
            Assert.DoesNotContain("Hunter2Hunter2", build.Output, StringComparison.Ordinal);
        }

        [Fact]
        public void TheReadmesSuppressionsWork()
        {
            using var consumer = new ConsumerProject("Suppressions")
                .WithProject(
                    "Library",
                    new[] { (PackedPackages.AnalyzerPackageId, PackedPackages.Instance.Version), ("MongoDB.Driver", "3.14.0") });
            consumer.Write("Stores.cs", @"using System.Diagnostics.CodeAnalysis;
using MongoDB.Driver;

public static class Stores
{
#pragma warning disable MTA001 // local test cluster, password rotated daily
    public static IMongoClient Pragma() => new MongoClient(""mongodb://app:Pragma-Pa55@db.example.com/?tls=true"");
#pragma warning restore MTA001

    [SuppressMessage(""Security"", ""MTA001:Hard-coded credentials in MongoDB connection settings"", Justification = ""Throw-away demo cluster"")]
    public static IMongoClient Attribute() => new MongoClient(""mongodb://app:Attr-Pa55@db.example.com/?tls=true"");

    public static IMongoClient Legacy() => new MongoClient(""mongodb://legacy.example.com/?tls=true&tlsCAFile=/ca.pem"");

    public static IMongoClient Reported() => new MongoClient(""mongodb://app:Still-Pa55@db.example.com/?tls=true"");
}
");
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            // The pragma and the attribute silence MTA001 where they apply, and nowhere else.
            Assert.Equal(new[] { "Stores.cs:13:MTA006", "Stores.cs:15:MTA001" }, build.Mta());

            // And .editorconfig turns a rule off for the files it covers.
            consumer.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MTA006.severity = none\n");
            var quieter = consumer.Build();
            Assert.Equal(new[] { "Stores.cs:15:MTA001" }, quieter.Mta());
        }

        internal static ConsumerProject InsecureAppConsumer(string name, string driverVersion, string extraProperties = "", bool withSampleEditorConfig = true)
        {
            var consumer = new ConsumerProject(name)
                .WithProject(
                    "Exe",
                    new[]
                    {
                        (PackedPackages.AnalyzerPackageId, PackedPackages.Instance.Version),
                        ("MongoDB.Driver", driverVersion),
                        ("Microsoft.Extensions.Hosting", "8.0.1"),
                    },
                    extraProperties)
                .CopySourcesFrom(SampleExpectations.InsecureAppFolder);
            if (withSampleEditorConfig)
            {
                consumer.Write(".editorconfig", File.ReadAllText(Path.Combine(SampleExpectations.InsecureAppFolder, ".editorconfig")));
            }

            return consumer;
        }

        internal static void AssertNoPassword(string text)
        {
            foreach (var password in SampleExpectations.Passwords)
            {
                Assert.DoesNotContain(password, text, StringComparison.Ordinal);
            }
        }

        private static void AssertAnalyzerIsInstalled(ConsumerProject consumer)
        {
            // The package is restored with its analyzer assets, so "no diagnostics" means "nothing to report".
            var assets = File.ReadAllText(Path.Combine(consumer.Directory, "obj", "project.assets.json"));
            Assert.Contains("analyzers/dotnet/cs/MongoTlsAnalyzers.dll", assets, StringComparison.Ordinal);
        }

        private static void AssertSarif(string path)
        {
            var text = File.ReadAllText(path);
            AssertNoPassword(text);
            using var sarif = JsonDocument.Parse(text);
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var run = sarif.RootElement.GetProperty("runs")[0];

            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
                .Where(r => r.GetProperty("id").GetString()!.StartsWith("MTA", StringComparison.Ordinal))
                .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString());
            // SARIF 2.1 from the compiler describes every rule the loaded analyzers support, reported or not.
            var catalog = Enumerable.Range(0, 12).Select(i => "MTA" + i.ToString("000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(catalog, rules.Keys.OrderBy(id => id, StringComparer.Ordinal));
            foreach (var (id, helpUri) in rules)
            {
                Assert.Equal($"https://github.com/mongotlsanalyzers/MongoTlsAnalyzers/blob/main/docs/rules/{id}.md", helpUri);
            }

            var results = run.GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("MTA", StringComparison.Ordinal))
                .ToList();
            Assert.Equal(SampleExpectations.InsecureApp().Count, results.Count);
            var credentials = results.Where(r => r.GetProperty("ruleId").GetString() == "MTA001").ToList();
            Assert.Equal(SampleExpectations.InsecureApp().Count(e => e.Id == "MTA001"), credentials.Count);
            // The compiler's SARIF keeps the level the rule reported ("warning") even when -warnaserror fails the build on it.
            Assert.All(results, r => Assert.Equal("warning", r.GetProperty("level").GetString()));
            var credentialMessages = credentials.Select(r => r.GetProperty("message").GetProperty("text").GetString()!).ToList();
            Assert.Contains(credentialMessages, m => m.Contains("orders_svc:****@", StringComparison.Ordinal));
        }
    }
}
