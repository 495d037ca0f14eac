using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// What an IDE host does with a project's analyzer references: it takes the analyzers and, through the
    /// [ExportCodeFixProvider] attribute, the code-fix providers from the assemblies the project references (here, the
    /// ones NuGet restored from our package), computes a document's diagnostics, and asks the fixers for actions.
    /// </summary>
    public sealed class PackagedAnalyzerHost
    {
        private PackagedAnalyzerHost(IReadOnlyList<AnalyzerFileReference> references, ImmutableArray<DiagnosticAnalyzer> analyzers, IReadOnlyList<CodeFixProvider> fixers)
        {
            References = references;
            Analyzers = analyzers;
            Fixers = fixers;
        }

        public IReadOnlyList<AnalyzerFileReference> References { get; }

        public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

        public IReadOnlyList<CodeFixProvider> Fixers { get; }

        /// <summary>Our analyzer references of the project, with their analyzers and fixers.</summary>
        public static PackagedAnalyzerHost From(Project project)
        {
            var references = project.AnalyzerReferences.OfType<AnalyzerFileReference>()
                .Where(r => r.Display is "MongoTlsAnalyzers" or "MongoTlsAnalyzers.CodeFixes")
                .ToList();
            var analyzers = references.SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp)).ToImmutableArray();
            var fixers = new List<CodeFixProvider>();
            foreach (var reference in references)
            {
                foreach (var type in reference.GetAssembly().GetExportedTypes())
                {
                    var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
                    if (export is not null && export.Languages.Contains(LanguageNames.CSharp) && typeof(CodeFixProvider).IsAssignableFrom(type))
                    {
                        fixers.Add((CodeFixProvider)Activator.CreateInstance(type)!);
                    }
                }
            }

            return new PackagedAnalyzerHost(references, analyzers, fixers);
        }

        /// <summary>The MTA diagnostics of one document, computed as the IDE does: semantic analysis of that document only.</summary>
        public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Document document, CancellationToken cancellationToken = default)
        {
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            var model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
            var exceptions = new List<Exception>();
            var withAnalyzers = compilation.WithAnalyzers(
                Analyzers,
                new CompilationWithAnalyzersOptions(document.Project.AnalyzerOptions, (e, _, _) => exceptions.Add(e), concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, cancellationToken).ConfigureAwait(false);
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            return diagnostics.Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
        }

        /// <summary>All MTA diagnostics of a project (what Fix All in Project and Solution scope work from).</summary>
        public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, CancellationToken cancellationToken = default)
        {
            var builder = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var document in project.Documents)
            {
                builder.AddRange(await DiagnosticsAsync(document, cancellationToken).ConfigureAwait(false));
            }

            return builder.ToImmutable();
        }

        /// <summary>The actions the fixers offer for a diagnostic, nested actions flattened, with the fixer that made each.</summary>
        public async Task<IReadOnlyList<(CodeFixProvider Fixer, CodeAction Action)>> ActionsAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken = default)
        {
            var actions = new List<(CodeFixProvider, CodeAction)>();
            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var offered = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => offered.Add(action), cancellationToken)).ConfigureAwait(false);
                actions.AddRange(Flatten(offered).Select(action => (fixer, action)));
            }

            return actions;
        }

        private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions) =>
            actions.SelectMany(action => action.NestedActions.IsDefaultOrEmpty ? new[] { action } : Flatten(action.NestedActions));
    }

    /// <summary>Feeds Fix All with the packaged analyzers' diagnostics, as the IDE's diagnostic service would.</summary>
    public sealed class PackagedDiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly PackagedAnalyzerHost _host;

        public PackagedDiagnosticProvider(PackagedAnalyzerHost host)
        {
            _host = host;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            await _host.DiagnosticsAsync(document, cancellationToken).ConfigureAwait(false);

        // Our rules report no diagnostic without a source location.
        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult(Enumerable.Empty<Diagnostic>());

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            await _host.DiagnosticsAsync(project, cancellationToken).ConfigureAwait(false);
    }
}
