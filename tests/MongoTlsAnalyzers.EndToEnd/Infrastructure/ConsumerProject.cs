using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Infrastructure
{
    /// <summary>
    /// A project a user would write, in a temporary folder outside the repository (so none of our Directory.Build
    /// files apply), that installs the packed packages from the local feed through its own nuget.config.
    /// </summary>
    public sealed class ConsumerProject : IDisposable
    {
        private static readonly Regex DiagnosticLine = new Regex(
            @"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): (?<severity>warning|error|info) (?<id>[A-Z]+\d+): (?<message>.*?)(?: \[[^\]]*\])?$",
            RegexOptions.Multiline,
            TimeSpan.FromSeconds(10));

        public ConsumerProject(string name)
        {
            Name = name;
            Directory = Path.Combine(Path.GetTempPath(), "mta-e2e", name + "-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            System.IO.Directory.CreateDirectory(Directory);
            var feed = PackedPackages.Instance;
            // The local feed comes first; the machine's own sources (the package mirror) stay available for the
            // driver and Microsoft.Extensions packages.
            Write("nuget.config", $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""mongotls-local"" value=""{feed.Folder}"" />
  </packageSources>
</configuration>
");
            // Stop MSBuild from walking up into folders we do not control.
            Write("Directory.Build.props", "<Project />\n");
            Write("Directory.Build.targets", "<Project />\n");
        }

        public string Name { get; }

        public string Directory { get; }

        public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

        /// <summary>Writes the project file: an SDK-style net10.0 project with the given package references.</summary>
        public ConsumerProject WithProject(string outputType, IEnumerable<(string Id, string Version)> packages, string extraProperties = "")
        {
            var references = new StringBuilder();
            foreach (var (id, version) in packages)
            {
                references.Append("    <PackageReference Include=\"").Append(id).Append("\" Version=\"").Append(version).AppendLine("\" />");
            }

            Write(Name + ".csproj", $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <OutputType>{outputType}</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NoWarn>$(NoWarn);NU1603</NoWarn>
{extraProperties}  </PropertyGroup>
  <ItemGroup>
{references}  </ItemGroup>
</Project>
");
            return this;
        }

        public string Write(string relativePath, string content)
        {
            var path = Path.Combine(Directory, relativePath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        /// <summary>Copies the C# sources (not bin/obj) of a folder into this project.</summary>
        public ConsumerProject CopySourcesFrom(string folder)
        {
            foreach (var file in System.IO.Directory.GetFiles(folder, "*.cs"))
            {
                File.Copy(file, Path.Combine(Directory, Path.GetFileName(file)), overwrite: true);
            }

            return this;
        }

        public BuildResult Restore() => Run("restore", ProjectPath, "-nologo");

        /// <summary>A full rebuild, so every diagnostic is printed again.</summary>
        public BuildResult Build(params string[] extraArguments) =>
            Run(new[] { "build", ProjectPath, "--no-incremental", "-nologo", "-clp:NoSummary" }.Concat(extraArguments).ToArray());

        public BuildResult Run(params string[] arguments)
        {
            var (exitCode, output) = DotNetCli.Run(Directory, TimeSpan.FromMinutes(10), arguments);
            return new BuildResult(exitCode, output, Parse(output));
        }

        private static IReadOnlyList<BuildDiagnostic> Parse(string output) =>
            DiagnosticLine.Matches(output)
                .Select(m => new BuildDiagnostic(
                    Path.GetFileName(m.Groups["file"].Value),
                    int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    int.Parse(m.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture),
                    m.Groups["severity"].Value,
                    m.Groups["id"].Value,
                    m.Groups["message"].Value))
                .Distinct()
                .ToList();

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a build server may still hold a file; the OS cleans the temp folder.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Id, string Message)
    {
        public override string ToString() => $"{File}({Line},{Column}): {Severity} {Id}: {Message}";
    }

    public sealed record BuildResult(int ExitCode, string Output, IReadOnlyList<BuildDiagnostic> Diagnostics)
    {
        /// <summary>Our diagnostics as "file:line:id" (and severity when asked), sorted, for exact comparisons.</summary>
        public IReadOnlyList<string> Mta(bool withSeverity = false) =>
            Diagnostics.Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                .Select(d => withSeverity ? $"{d.File}:{d.Line}:{d.Severity} {d.Id}" : $"{d.File}:{d.Line}:{d.Id}")
                .Distinct()
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();
    }
}
