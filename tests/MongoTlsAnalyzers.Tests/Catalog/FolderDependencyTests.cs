using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Catalog
{
    /// <summary>
    /// The folders of the analyzer assembly form layers (docs/architecture.md "Inside the analyzer assembly"): each
    /// may depend only on the folders before it, so no two folders depend on each other. Read from the source: the
    /// <c>using</c> directives and fully qualified names of every file.
    /// </summary>
    public sealed class FolderDependencyTests
    {
        /// <summary>The layers, lowest first, as docs/architecture.md lists them.</summary>
        public static readonly string[] Layers =
        {
            "Polyfills", "ConnectionStrings", "ConfigurationFiles", "Descriptors", "Options", "Folding", "Analysis", "Screening", "Guards",
            "Uris", "SettingsFlow", "Tls", "Timeouts", "Rules",
        };

        private static readonly Regex Reference = new Regex(@"\bMongoTlsAnalyzers\.([A-Z][A-Za-z]*)\b", RegexOptions.Compiled, TimeSpan.FromSeconds(5));

        private static string AnalyzerRoot => RepositoryPaths.Combine("src", "MongoTlsAnalyzers");

        [Fact]
        public void EveryFolderIsALayer()
        {
            var folders = Directory.GetDirectories(AnalyzerRoot)
                .Select(Path.GetFileName)
                .Where(name => name is not ("bin" or "obj"))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(Layers.OrderBy(name => name, StringComparer.Ordinal), folders);
        }

        [Fact]
        public void EachFolderDependsOnlyOnTheFoldersBeforeIt()
        {
            var violations = new List<string>();
            foreach (var (folder, file, target) in References())
            {
                if (target != folder && Array.IndexOf(Layers, target) >= Array.IndexOf(Layers, folder))
                {
                    violations.Add($"{folder}/{Path.GetFileName(file)} uses {target}");
                }
            }

            Assert.True(violations.Count == 0, "Dependencies that point up or sideways:" + Environment.NewLine + string.Join(Environment.NewLine, violations));
        }

        [Fact]
        public void TheDocumentListsTheSameLayers()
        {
            var text = File.ReadAllText(RepositoryPaths.Combine("docs", "architecture.md"));
            var rows = Regex.Matches(text, @"^\| (\d+) \| `([A-Za-z]+)/` \|", RegexOptions.Multiline, TimeSpan.FromSeconds(5))
                .Select(m => m.Groups[2].Value)
                .ToArray();
            Assert.Equal(Layers, rows);
        }

        private static IEnumerable<(string Folder, string File, string Target)> References()
        {
            foreach (var folder in Layers)
            {
                var directory = Path.Combine(AnalyzerRoot, folder);
                foreach (var file in Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories))
                {
                    foreach (var line in File.ReadLines(file))
                    {
                        var code = line.TrimStart();
                        if (code.StartsWith("//", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal))
                        {
                            continue;
                        }

                        foreach (Match match in Reference.Matches(line))
                        {
                            if (Array.IndexOf(Layers, match.Groups[1].Value) >= 0)
                            {
                                yield return (folder, file, match.Groups[1].Value);
                            }
                        }
                    }
                }
            }
        }
    }
}
