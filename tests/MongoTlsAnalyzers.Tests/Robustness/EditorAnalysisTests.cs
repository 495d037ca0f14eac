using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The editor analyses one document at a time and shows only the diagnostics Roslyn counts as local to what it
    /// analysed. Every diagnostic the build reports in a document must also come out of that per-document analysis,
    /// or the squiggle is missing while typing (a password in a local, found from the connection string using it).
    /// </summary>
    public sealed class EditorAnalysisTests
    {
        private const string GlobalUsings = "global using System; global using System.Linq; global using System.Collections.Generic; global using System.Threading.Tasks;";

        [Theory]
        [InlineData(DriverVersion.V3)]
        [InlineData(DriverVersion.V2)]
        public async Task PerDocumentAnalysisReportsWhatTheBuildReports(DriverVersion driver)
        {
            var files = Directory.GetFiles(RepositoryPaths.Combine("samples", "InsecureApp"), "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
            var sources = files.Select(File.ReadAllText).Append(GlobalUsings).Append(SameMemberPieces).ToArray();
            var compilation = AnalyzerRunner.Compile(sources, driver, OutputKind.ConsoleApplication);
            var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();

            var build = AnalyzerRunner.Run(compilation, analyzers).Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal)).ToList();
            Assert.True(build.Count >= 25, "expected the sample's diagnostics, got " + build.Count);

            foreach (var tree in compilation.SyntaxTrees)
            {
                var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                var editor = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None))
                    .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                    .Select(Describe)
                    .OrderBy(d => d, StringComparer.Ordinal);
                var expected = build.Where(d => d.Location.SourceTree == tree).Select(Describe).OrderBy(d => d, StringComparer.Ordinal);
                Assert.Equal(expected, editor);
            }
        }

        private static string Describe(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + " " + diagnostic.GetMessage();

        /// <summary>Pieces reported away from the string that uses them, within one member.</summary>
        private const string SameMemberPieces = /* lang=c#-test */ """

using MongoDB.Driver;

static class SameMemberPieces
{
    public static object Password()
    {
        var password = "Sup3rS3cret!";
        return new MongoClient($"mongodb://app:{password}@db.example.com/?tls=true");
    }

    public static object Options()
    {
        const string options = "tls=true&tlsAllowInvalidHostnames=true&connectTimeoutMS=100";
        return new MongoClient("mongodb://db.example.com/?" + options);
    }
}
""";
    }
}
