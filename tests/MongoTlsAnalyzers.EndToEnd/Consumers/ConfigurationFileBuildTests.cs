using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Consumers
{
    /// <summary>
    /// Configuration files in real consumer builds from the packed package, with no set-up beyond the package
    /// reference (docs/architecture.md "Configuration files"): a Microsoft.NET.Sdk.Web project and a console project, diagnostics at exact JSON
    /// file/line/column in the build output and in SARIF (compared by rule, file, line and column), no copy under bin/
    /// or obj/ read, a file the user lists as AdditionalFiles read once, and MongoTlsAnalyzeConfigurationFiles=false.
    /// </summary>
    public sealed class ConfigurationFileBuildTests
    {
        private const string Password = "Js0nC0mm1tted";

        private const string AppSettings = """
{
  // Production settings
  "ConnectionStrings": {
    "MongoDB": "mongodb://orders:Js0nC0mm1tted@db1.example.com:27017/orders?tls=true&tlsInsecure=true",
  },
  "Reporting": { "Uri": "mongodb://reports.example.com/?connectTimeout=30000&tlsCAFile=/etc/ssl/ca.pem" },
}
""";

        private const string DevelopmentSettings = """
{
  "ConnectionStrings": {
    "MongoDB": "mongodb://dev:devpass@localhost:27017/orders?tls=true&tlsInsecure=true&serverSelectionTimeoutMS=2000"
  }
}
""";

        private const string LaunchSettings = """
{
  "profiles": {
    "web": {
      "commandName": "Project",
      "environmentVariables": {
        "ASPNETCORE_ENVIRONMENT": "Development",
        "MongoDB__ConnectionString": "mongodb+srv://ops:Js0nC0mm1tted@cluster0.ab1cd.mongodb.net/?tlsInsecure=true"
      }
    }
  }
}
""";

        private const string Code = """
using MongoDB.Driver;

public static class Store
{
    public static IMongoClient Create(string connectionString) => new MongoClient(connectionString);
}
""";

        /// <summary>(file, line, column, rule) of every expected result, columns found in the text written.</summary>
        private static IReadOnlyList<string> Expected() => new[]
        {
            At("appsettings.json", AppSettings, "orders:Js0nC0mm1tted", "MTA001"),
            At("appsettings.json", AppSettings, "tlsInsecure=true", "MTA003"),
            At("appsettings.json", AppSettings, "reports.example.com", "MTA002"),
            At("appsettings.json", AppSettings, "connectTimeout=30000", "MTA008"),
            At("appsettings.json", AppSettings, "tlsCAFile=/etc/ssl/ca.pem", "MTA006"),
            At("launchSettings.json", LaunchSettings, "ops:Js0nC0mm1tted", "MTA001"),
        }.OrderBy(s => s, StringComparer.Ordinal).ToList();

        [Fact]
        public void AWebProjectReportsItsConfigurationFilesAtExactPositionsInTheBuildAndInSarif()
        {
            using var consumer = new ConsumerProject("WebConfig");
            consumer.Write(consumer.Name + ".csproj", $"""
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="{PackedPackages.AnalyzerPackageId}" Version="{PackedPackages.Instance.Version}" />
    <PackageReference Include="MongoDB.Driver" Version="3.14.0" />
  </ItemGroup>
</Project>
""");
            WriteFiles(consumer);
            consumer.Write("Program.cs", "var app = WebApplication.CreateBuilder(args).Build();\napp.Run();\n");
            Assert.Equal(0, consumer.Restore().ExitCode);

            // MTA002 is Info, which the build prints only as an error or warning: raise it for this check.
            consumer.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.MTA002.severity = warning\n");
            var build = consumer.Build("-p:ErrorLog=config.sarif%2Cversion%3D2.1");
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Equal(Expected(), Positions(build));
            Assert.DoesNotContain(Password, build.Output, StringComparison.Ordinal);
            Assert.Equal(Expected(), Sarif(Path.Combine(consumer.Directory, "config.sarif")));

            // A second build finds the copies the first one put under bin/ (Web SDK content) and still reads only the project's files.
            Assert.True(Directory.EnumerateFiles(Path.Combine(consumer.Directory, "bin"), "appsettings.json", SearchOption.AllDirectories).Any());
            Assert.Equal(Expected(), Positions(consumer.Build()));
        }

        [Fact]
        public void AConsoleProjectReadsItsFilesOnceAndTheSwitchTurnsItOff()
        {
            using var consumer = new ConsumerProject("ConsoleConfig")
                .WithProject("Exe", new[] { (PackedPackages.AnalyzerPackageId, PackedPackages.Instance.Version), ("MongoDB.Driver", "2.30.0") });

            // As console projects usually have them: copied to the output, and here also listed by the user.
            var project = File.ReadAllText(consumer.ProjectPath).Replace("</Project>", """
  <ItemGroup>
    <None Update="appsettings*.json" CopyToOutputDirectory="PreserveNewest" />
    <AdditionalFiles Include="appsettings.json" />
  </ItemGroup>
</Project>
""", StringComparison.Ordinal);
            File.WriteAllText(consumer.ProjectPath, project);
            WriteFiles(consumer);
            consumer.Write("Program.cs", "System.Console.WriteLine(Store.Create(\"mongodb://localhost\"));\n");
            consumer.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.MTA002.severity = warning\n");
            Assert.Equal(0, consumer.Restore().ExitCode);

            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Equal(Expected(), Positions(build));
            Assert.DoesNotContain(Password, build.Output, StringComparison.Ordinal);

            var off = consumer.Build("-p:MongoTlsAnalyzeConfigurationFiles=false");
            Assert.True(off.ExitCode == 0, off.Output);
            // Only the file the user listed is still read.
            Assert.Equal(Expected().Where(e => e.StartsWith("appsettings.json", StringComparison.Ordinal)), Positions(off));
        }

        private static void WriteFiles(ConsumerProject consumer)
        {
            consumer.Write("appsettings.json", AppSettings);
            consumer.Write("appsettings.Development.json", DevelopmentSettings);
            consumer.Write(Path.Combine("Properties", "launchSettings.json"), LaunchSettings);
            consumer.Write("Store.cs", Code);
        }

        private static string At(string file, string text, string fragment, string id)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var column = lines[i].IndexOf(fragment, StringComparison.Ordinal);
                if (column >= 0)
                {
                    return $"{file}:{i + 1}:{column + 1}:{id}";
                }
            }

            throw new InvalidOperationException(fragment + " is not in " + file);
        }

        private static IReadOnlyList<string> Positions(BuildResult build) =>
            build.Diagnostics
                .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                .Select(d => $"{d.File}:{d.Line}:{d.Column}:{d.Id}")
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

        private static IReadOnlyList<string> Sarif(string path)
        {
            var text = File.ReadAllText(path);
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            using var sarif = JsonDocument.Parse(text);
            return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
                .Where(r => r.GetProperty("ruleId").GetString()!.StartsWith("MTA", StringComparison.Ordinal))
                .Select(r =>
                {
                    var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                    var uri = location.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                    var region = location.GetProperty("region");
                    return $"{Path.GetFileName(new Uri(uri).LocalPath)}:{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()}:{r.GetProperty("ruleId").GetString()}";
                })
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
        }
    }
}
