using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Tests.Infrastructure;
using MongoTlsAnalyzers.Tests.Robustness;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// Fix All as <c>dotnet format analyzers</c> drives it: it asks a fixer for its equivalence key with the first
    /// diagnostic of the whole analysis, whatever that diagnostic's id, and hands Fix All every diagnostic of the
    /// analysis. With one analyzer reporting several ids the key is then often null; each diagnostic of the ids
    /// being fixed must still get its first offered action, and no other id's diagnostic may be touched.
    /// </summary>
    public sealed class FixAllWithoutKeyTests
    {
        private const string Source = /* lang=c#-test */ """
using MongoDB.Driver;

public static class Store
{
    public static MongoClient Create() =>
        new MongoClient("mongodb://analytics.internal.example.com:27017/events?tls=true&tlsAllowInvalidHostnames=true&connectTimeout=10000&serverSelectionTimeoutMS=2000");
}
""";

        [Theory]
        [InlineData("MTA007", "serverSelectionTimeoutMS=12000")]
        [InlineData("MTA008", "connectTimeoutMS=10000")]
        public async Task EachIdGetsItsFirstOfferedActionWhenNoKeyIsGiven(string id, string expected)
        {
            var compilation = AnalyzerRunner.Compile(new[] { Source }, DriverVersion.V3);
            var all = AnalyzerRunner.Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MongoTlsAnalyzer()));
            Assert.Contains(all, d => d.Id == "MTA005");
            Assert.Contains(all, d => d.Id == id);

            CodeFixProvider fixer = id == "MTA007" ? new TimeoutFixer() : new TimeoutUnitFixer();
            var document = CodeFixRunner.CreateDocument(Source, TestReferences.For(DriverVersion.V3));
            var context = new FixAllContext(document, fixer, FixAllScope.Document, codeActionEquivalenceKey: null!, new[] { id }, new Everything(all), CancellationToken.None);
            var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);

            var text = await ChangedTextAsync(action!, document);
            Assert.Contains(expected, text);
            Assert.Contains("tlsAllowInvalidHostnames=true", text);
            Assert.Equal(Source.Replace(Between(Source, id), Between(text, id)), text);
        }

        /// <summary>The option the id is about, as it stands in <paramref name="text"/>.</summary>
        private static string Between(string text, string id)
        {
            var name = id == "MTA007" ? "serverSelectionTimeoutMS=" : "connectTimeout";
            var start = text.IndexOf("&" + name, System.StringComparison.Ordinal);
            var end = text.IndexOf('&', start + 1);
            return text.Substring(start, (end < 0 ? text.IndexOf('"', start) : end) - start);
        }

        private static async Task<string> ChangedTextAsync(CodeAction action, Document document)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.GetDocument(document.Id)!;
            return (await changed.GetTextAsync()).ToString();
        }

        private sealed class Everything : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Everything(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
