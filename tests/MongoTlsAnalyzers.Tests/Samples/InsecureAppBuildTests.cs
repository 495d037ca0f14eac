using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Samples
{
    /// <summary>
    /// Builds samples/InsecureApp with the real dotnet CLI (the README's first command) and checks that the
    /// MTA warnings in the output are exactly the ones marked <c>// expect: MTA00N</c> in its sources and its
    /// appsettings files (the configuration-file diagnostics, at their file and line).
    /// </summary>
    public sealed class InsecureAppBuildTests
    {
        private static readonly Regex Expectation = new Regex(@"//\s*expect:\s*(?<ids>MTA\d{3}(\s*,\s*MTA\d{3})*)", RegexOptions.None, HangGuard.Deadline);
        private static readonly Regex Warning = new Regex(@"^(?<file>[^\s(][^(]*)\((?<line>\d+),(?<column>\d+)\): warning (?<id>MTA\d{3}):", RegexOptions.Multiline, HangGuard.Deadline);

        [Fact]
        public void BuildReportsExactlyTheExpectedWarnings()
        {
            var project = RepositoryPaths.Combine("samples", "InsecureApp");
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            // The configuration files carry their expectations in JSON comments, which the configuration reader allows.
            var sources = Directory.GetFiles(project, "*.cs", SearchOption.AllDirectories).Concat(Directory.GetFiles(project, "appsettings*.json"));
            foreach (var file in sources.Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var match = Expectation.Match(lines[i]);
                    if (!match.Success)
                    {
                        continue;
                    }

                    foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
                    {
                        expected.Add($"{Path.GetFileName(file)}:{i + 1}:{id}");
                    }
                }
            }

            var (exitCode, output) = BuildCopyOf("InsecureApp");
            Assert.True(exitCode == 0, output);

            var actual = new SortedSet<string>(
                Warning.Matches(output).Select(m => $"{Path.GetFileName(m.Groups["file"].Value)}:{m.Groups["line"].Value}:{m.Groups["id"].Value}"),
                StringComparer.Ordinal);

            Assert.NotEmpty(expected);
            Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
            Assert.DoesNotContain("Xk9mQ2vT7", output);
            Assert.DoesNotContain("B4ckupNightly", output);
            Assert.DoesNotContain("R3port!ng2024", output);
            Assert.DoesNotContain("J50nC0mm1tted", output);
            Assert.DoesNotContain("Arch!ve@2024", output);
        }

        [Fact]
        public void SecureTwinBuildsWithoutAnyMtaDiagnostic()
        {
            var (exitCode, output) = BuildCopyOf("SecureApp");
            Assert.True(exitCode == 0, output);
            Assert.Contains("SecureApp.dll", output);
            Assert.DoesNotMatch(new Regex(@"\b(warning|error|info) MTA\d{3}", RegexOptions.None, HangGuard.Deadline), output);
        }

        /// <summary>
        /// Builds a copy of the sample in a temporary folder that imports samples/Directory.Build.* (so the analyzers
        /// still come from src/, as in the README command). The end-to-end tests' language server may be running a
        /// design-time build of the sample itself at the same time, so this test leaves its bin and obj alone.
        /// </summary>
        private static (int ExitCode, string Output) BuildCopyOf(string sample)
        {
            var folder = Path.Combine(Path.GetTempPath(), "mta-samples", Guid.NewGuid().ToString("N").Substring(0, 8));
            var project = Path.Combine(folder, sample);
            Directory.CreateDirectory(project);
            var source = RepositoryPaths.Combine("samples", sample);
            foreach (var file in Directory.GetFiles(source).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                File.Copy(file, Path.Combine(project, Path.GetFileName(file)));
            }

            foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets" })
            {
                File.WriteAllText(Path.Combine(folder, name), $"<Project>\n  <Import Project=\"{RepositoryPaths.Combine("samples", name)}\" />\n</Project>\n");
            }

            try
            {
                var restore = DotNetCli.Run(project, TimeSpan.FromMinutes(5), "restore", "-nologo");
                Assert.True(restore.ExitCode == 0, restore.Output);
                return DotNetCli.Run(project, TimeSpan.FromMinutes(5), "build", "--no-restore", "-p:BuildProjectReferences=false", "-nologo");
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: the OS cleans the temp folder.
                }
            }
        }
    }
}
