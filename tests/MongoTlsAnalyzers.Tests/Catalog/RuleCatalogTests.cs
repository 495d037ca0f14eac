using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Catalog
{
    /// <summary>
    /// The rule catalog is a public contract (docs/rules): every shipped descriptor must match it, have a
    /// documentation page with the required sections, and appear in release tracking and the docs index.
    /// </summary>
    public sealed class RuleCatalogTests
    {
        /// <summary>docs/rules: ID, title, category, default severity.</summary>
        public static readonly (string Id, string Title, string Category, DiagnosticSeverity Severity)[] Catalog =
        {
            ("MTA000", "Invalid mongo_tls.* analyzer option in .editorconfig", "Configuration", DiagnosticSeverity.Warning),
            ("MTA001", "Hard-coded credentials in MongoDB connection settings", "Security", DiagnosticSeverity.Warning),
            ("MTA002", "Hard-coded MongoDB connection string", "Configuration", DiagnosticSeverity.Info),
            ("MTA003", "Server certificate validation disabled outside a Development guard", "Security", DiagnosticSeverity.Warning),
            ("MTA004", "Insecure TLS can be switched on by configuration", "Security", DiagnosticSeverity.Warning),
            ("MTA005", "Connection-string option ignored by the .NET driver", "Reliability", DiagnosticSeverity.Warning),
            ("MTA006", "CA configuration missing or ineffective", "Security", DiagnosticSeverity.Warning),
            ("MTA007", "MongoDB timeout too short, too long or invalid", "Reliability", DiagnosticSeverity.Warning),
            ("MTA008", "Suspicious timeout unit", "Reliability", DiagnosticSeverity.Warning),
            ("MTA009", "TLS settings without TLS, or TLS explicitly off", "Security", DiagnosticSeverity.Warning),
            ("MTA010", "Legacy TLS protocol versions enabled", "Security", DiagnosticSeverity.Warning),
            ("MTA011", "Connection string the driver rejects", "Reliability", DiagnosticSeverity.Warning),
        };

        private static readonly string[] RequiredSections =
        {
            "## Cause", "## Why", "## How to fix", "## Development exceptions", "## Configuration", "## Suppress", "## Related rules",
        };

        public static IReadOnlyList<DiagnosticAnalyzer> AllAnalyzers() =>
            typeof(MongoTlsAnalyzers.Analysis.MongoAnalyzerHost).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToList();

        public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors() =>
            AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal).ToList();

        /// <summary>Every wording of every rule (a rule with several sentences has one descriptor per sentence).</summary>
        [Fact]
        public void EveryDescriptorMatchesTheCatalog()
        {
            var descriptors = AllAnalyzers().SelectMany(a => a.SupportedDiagnostics).Distinct().ToList();
            Assert.NotEmpty(descriptors);
            foreach (var descriptor in descriptors)
            {
                var entry = Catalog.SingleOrDefault(c => c.Id == descriptor.Id);
                Assert.True(entry.Id is not null, $"{descriptor.Id} is not in the catalog");
                Assert.Equal(entry.Title.Replace("`", string.Empty), descriptor.Title.ToString());
                Assert.Equal(entry.Category, descriptor.Category);
                Assert.Equal(entry.Severity, descriptor.DefaultSeverity);
                Assert.True(descriptor.IsEnabledByDefault);
                Assert.EndsWith("/docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
                Assert.StartsWith(RuleDescriptors.HelpLinkBase, descriptor.HelpLinkUri, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void EveryDescriptorHasADocumentationPageWithTheRequiredSections()
        {
            foreach (var descriptor in AllDescriptors())
            {
                var page = RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md");
                Assert.True(File.Exists(page), $"docs/rules/{descriptor.Id}.md is missing");
                var text = File.ReadAllText(page);
                Assert.StartsWith($"# {descriptor.Id}: ", text, StringComparison.Ordinal);
                foreach (var section in RequiredSections)
                {
                    Assert.Contains(section, text, StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void EveryDescriptorIsTrackedForRelease()
        {
            var shipped = File.ReadAllText(RepositoryPaths.Combine("src", "MongoTlsAnalyzers", "AnalyzerReleases.Shipped.md"));
            var unshipped = File.ReadAllText(RepositoryPaths.Combine("src", "MongoTlsAnalyzers", "AnalyzerReleases.Unshipped.md"));
            foreach (var descriptor in AllDescriptors())
            {
                var row = $"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |";
                Assert.True(shipped.Contains(row, StringComparison.Ordinal) || unshipped.Contains(row, StringComparison.Ordinal), $"release tracking has no row '{row}'");
            }
        }

        /// <summary>docs/rules/README.md is generated from the descriptors; set MTA_UPDATE_DOCS=1 to rewrite it.</summary>
        [Fact]
        public void DocsIndexIsUpToDate()
        {
            var builder = new StringBuilder();
            builder.Append("# MongoTlsAnalyzers rules\n\n");
            builder.Append("<!-- Generated from the rule descriptors by RuleCatalogTests.DocsIndexIsUpToDate; set MTA_UPDATE_DOCS=1 and run the tests to refresh. -->\n\n");
            builder.Append("| ID | Title | Category | Default severity |\n|---|---|---|---|\n");
            foreach (var descriptor in AllDescriptors())
            {
                builder.Append($"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.Category} | {descriptor.DefaultSeverity} |\n");
            }

            var path = RepositoryPaths.Combine("docs", "rules", "README.md");
            var expected = builder.ToString();
            if (Environment.GetEnvironmentVariable("MTA_UPDATE_DOCS") == "1")
            {
                File.WriteAllText(path, expected);
            }

            Assert.True(File.Exists(path), "docs/rules/README.md is missing; run the tests with MTA_UPDATE_DOCS=1");
            Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
        }
    }
}
