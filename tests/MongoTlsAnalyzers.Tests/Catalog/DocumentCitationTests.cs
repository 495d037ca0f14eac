using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Catalog
{
    /// <summary>
    /// The code, the tests, the benchmark and the docs cite the repository's own pages by section
    /// (<c>docs/architecture.md "Test code"</c>), so a maintainer can follow every comment to the text that explains it.
    /// Each citation must name a page that exists and a section of it: a heading, or a paragraph that opens with the
    /// section's name in bold (<c>**Atlas.**</c>). A renamed section breaks the comments that cite it, and this says where.
    /// </summary>
    public sealed class DocumentCitationTests
    {
        private static readonly Regex Citation = new Regex(@"(docs/[A-Za-z0-9_/.-]+\.md) ""([^""]+)""", RegexOptions.Compiled, TimeSpan.FromSeconds(5));

        private static readonly string[] SourceFolders = { "src", "tests", "benchmarks" };

        [Fact]
        public void EveryCitedSectionExists()
        {
            var citations = Citations().ToList();
            Assert.NotEmpty(citations);
            var broken = citations
                .Where(c => !Sections(c.Page).Contains(c.Section))
                .Select(c => $"{c.File}: {c.Page} \"{c.Section}\"")
                .Distinct()
                .ToList();
            Assert.True(broken.Count == 0, "Citations of no section:\n" + string.Join("\n", broken));
        }

        [Fact]
        public void SectionsAreHeadingsAndBoldRunInNames()
        {
            // A heading at any level, a heading without its dated note in parentheses, a bold name that opens a paragraph.
            Assert.Contains("Inside the analyzer assembly", Sections("docs/architecture.md"));
            Assert.Contains("One question per operation", Sections("docs/performance.md"));
            Assert.Contains("Atlas", Sections("docs/rules/MTA003.md"));
            Assert.DoesNotContain("Atlas.", Sections("docs/rules/MTA003.md"));
            Assert.Empty(Sections("docs/no-such-page.md"));
        }

        private static IEnumerable<(string File, string Page, string Section)> Citations()
        {
            var files = SourceFolders
                .SelectMany(folder => Directory.EnumerateFiles(RepositoryPaths.Combine(folder), "*.cs", SearchOption.AllDirectories))
                .Concat(Directory.EnumerateFiles(RepositoryPaths.Combine("docs"), "*.md", SearchOption.AllDirectories))
                .Append(RepositoryPaths.Combine("README.md"))
                .Where(path => !IsBuildOutput(path));
            foreach (var path in files)
            {
                foreach (Match match in Citation.Matches(File.ReadAllText(path)))
                {
                    // A citation in a comment may wrap: the section's name goes on after the next line's comment marker.
                    var section = Regex.Replace(match.Groups[2].Value, @"\s*\n\s*(?:///?|\*)?\s*", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
                    yield return (Path.GetRelativePath(RepositoryPaths.Root, path), match.Groups[1].Value, section);
                }
            }
        }

        /// <summary>The headings of a page and the bold names that open its paragraphs and list items, without their final period.</summary>
        private static HashSet<string> Sections(string page)
        {
            var path = RepositoryPaths.Combine(page.Split('/'));
            var sections = new HashSet<string>(StringComparer.Ordinal);
            if (!File.Exists(path))
            {
                return sections;
            }

            foreach (var line in File.ReadLines(path))
            {
                var heading = Regex.Match(line, @"^#+\s+(.+?)(?:\s+\(.*\))?\s*$", RegexOptions.None, TimeSpan.FromSeconds(1));
                if (heading.Success)
                {
                    sections.Add(heading.Groups[1].Value);
                    continue;
                }

                var runIn = Regex.Match(line, @"^\s*(?:- )?\*\*([^*]+?)\.?\*\*", RegexOptions.None, TimeSpan.FromSeconds(1));
                if (runIn.Success)
                {
                    sections.Add(runIn.Groups[1].Value);
                }
            }

            return sections;
        }

        private static bool IsBuildOutput(string path)
        {
            var parts = path.Split(Path.DirectorySeparatorChar);
            return parts.Contains("bin") || parts.Contains("obj") || parts.Contains("node_modules");
        }
    }
}
