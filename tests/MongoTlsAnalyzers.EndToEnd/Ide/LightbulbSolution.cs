using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;
using MongoTlsAnalyzers.EndToEnd.Consumers;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// A user's solution opened in MSBuildWorkspace: a copy of samples/InsecureApp and a small library, both
    /// installing the packed MongoTlsAnalyzers package, so the analyzers and fixers come from the NuGet cache.
    /// </summary>
    public sealed class LightbulbSolution : IAsyncLifetime, IDisposable
    {
        private ConsumerProject? _consumer;
        private MSBuildWorkspace? _workspace;

        public Solution Solution { get; private set; } = null!;

        public Project App => Solution.Projects.Single(p => p.Name == "Lightbulb");

        public PackagedAnalyzerHost Host { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _consumer = ConsumerBuildTests.InsecureAppConsumer("Lightbulb", "3.14.0");
            _consumer.Write("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <DefaultItemExcludes>$(DefaultItemExcludes);Lib/**</DefaultItemExcludes>\n  </PropertyGroup>\n</Project>\n");
            _consumer.Write(Path.Combine("Lib", "Lib.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>$(NoWarn);NU1603</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""{PackedPackages.AnalyzerPackageId}"" Version=""{PackedPackages.Instance.Version}"" />
    <PackageReference Include=""MongoDB.Driver"" Version=""3.14.0"" />
  </ItemGroup>
</Project>
");
            _consumer.Write(Path.Combine("Lib", "ArchiveStore.cs"), @"using MongoDB.Driver;

namespace Lib;

public static class ArchiveStore
{
    public static IMongoClient Create() => new MongoClient(""mongodb://archiver:Arch1veP4ss@archive.internal.example.com/?tls=true"");

    public static MongoClientSettings Tune(MongoClientSettings settings)
    {
        settings.ConnectTimeout = TimeSpan.FromMilliseconds(500);
        return settings;
    }
}
");
            Assert.Equal(0, _consumer.Run("new", "sln", "-n", "Lightbulb", "--format", "sln").ExitCode);
            Assert.Equal(0, _consumer.Run("sln", "Lightbulb.sln", "add", "Lightbulb.csproj", Path.Combine("Lib", "Lib.csproj")).ExitCode);
            var restore = _consumer.Run("restore", "Lightbulb.sln", "-nologo");
            Assert.True(restore.ExitCode == 0, restore.Output);

            _workspace = MSBuildWorkspace.Create();
            Solution = await _workspace.OpenSolutionAsync(Path.Combine(_consumer.Directory, "Lightbulb.sln"));
            var failures = _workspace.Diagnostics.Where(d => d.Kind == WorkspaceDiagnosticKind.Failure).ToList();
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Select(f => f.Message)));
            Host = PackagedAnalyzerHost.From(App);
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            _workspace?.Dispose();
            _workspace = null;
            _consumer?.Dispose();
            _consumer = null;
        }
    }
}
