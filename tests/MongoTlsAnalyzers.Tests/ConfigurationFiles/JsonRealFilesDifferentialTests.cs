using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using MongoTlsAnalyzers.ConfigurationFiles;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// The reader against System.Text.Json on real JSON found offline: the repository's own files (the samples'
    /// appsettings, tool manifests, the npm packages of the test tools, build outputs) and the .NET installation's
    /// (deps.json, runtimeconfig.json). No JSON test suite is vendored, so these stand in for real-world text.
    /// </summary>
    public sealed class JsonRealFilesDifferentialTests
    {
        private readonly ITestOutputHelper _output;

        public JsonRealFilesDifferentialTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Agrees_with_System_Text_Json_on_every_JSON_file_of_the_repository_and_the_runtime()
        {
            var files = JsonFilesUnder(RepositoryRoot()).Concat(JsonFilesUnder(DotnetRoot())).Take(3000).ToList();
            var accepted = 0;
            var values = 0;
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                if (text.Length > JsonStringValueReader.MaxFileLength)
                {
                    continue;
                }

                try
                {
                    if (ReaderAgreement.Check(text) is int count)
                    {
                        accepted++;
                        values += count;
                    }
                }
                catch (Xunit.Sdk.XunitException ex)
                {
                    throw new Xunit.Sdk.XunitException(file + ": " + ex.Message);
                }
            }

            _output.WriteLine($"{files.Count} files, {accepted} accepted, {values} string values");
            Assert.Contains(files, f => f.EndsWith(Path.Combine("samples", "SecureApp", "appsettings.json"), StringComparison.Ordinal));
            Assert.InRange(accepted, 10, int.MaxValue);
        }

        [Fact]
        public void Reads_the_sample_appsettings_as_configuration()
        {
            var path = Path.Combine(RepositoryRoot(), "samples", "SecureApp", "appsettings.json");
            var scan = JsonStringValueReader.Read(Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(path)));

            Assert.True(scan.IsValid);
            Assert.True(scan.RootIsObject);
            Assert.True(ConfigurationFileRole.FromPath(path).AppliesToAllEnvironments);
            Assert.Contains(scan.Values, v => v.KeyPath == "MongoDB:ConnectionString" && v.Value.StartsWith("mongodb://", StringComparison.Ordinal));
        }

        private static IEnumerable<string> JsonFilesUnder(string? root)
        {
            if (root is null || !Directory.Exists(root))
            {
                return Array.Empty<string>();
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
            return Directory.EnumerateFiles(root, "*.json", options).OrderBy(f => f, StringComparer.Ordinal);
        }

        private static string RepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MongoTlsAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find MongoTlsAnalyzers.sln above " + AppContext.BaseDirectory);
        }

        /// <summary>The shared framework folder is dotnet/shared/Microsoft.NETCore.App/version: three levels below the root.</summary>
        private static string? DotnetRoot() =>
            new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)).Parent?.Parent?.Parent?.FullName;
    }
}
