using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.CodeFixes.Fixes;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Runs code fix providers the way an IDE does, without the testing framework's expectations: register the
    /// fixes for a diagnostic, compute each action's operations and read the changed documents. Any exception
    /// escapes to the caller (a fixer that throws is a bug, whatever the input).
    /// </summary>
    public static class CodeFixRunner
    {
        /// <summary>Only used as a factory for solutions; nothing is ever applied to it.</summary>
        private static readonly AdhocWorkspace Workspace = new AdhocWorkspace();

        public static readonly ImmutableArray<CodeFixProvider> AllFixers =
            typeof(MoveToConfigurationFixer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(ExportCodeFixProviderAttribute), false).Length > 0)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>A one-document project with the given references, as a workspace document the fixers can edit.</summary>
        public static Document CreateDocument(string text, IEnumerable<MetadataReference> references)
        {
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "Variant",
                "Variant",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: references);
            return Workspace.CurrentSolution
                .AddProject(project)
                .AddDocument(documentId, "Test0.cs", SourceText.From(text), filePath: "/0/Test0.cs")
                .GetDocument(documentId)!;
        }

        /// <summary>Registers every fix of <paramref name="fixer"/> for the diagnostic and applies each; returns how many, and their equivalence keys.</summary>
        public static async Task<(int Actions, IReadOnlyList<string?> EquivalenceKeys)> ApplyFixesAsync(CodeFixProvider fixer, Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => { lock (actions) { actions.Add(action); } }, cancellationToken);
            await fixer.RegisterCodeFixesAsync(context).ConfigureAwait(false);
            foreach (var action in actions)
            {
                await ChangedTextAsync(action, document, cancellationToken).ConfigureAwait(false);
            }

            return (actions.Count, actions.Select(a => a.EquivalenceKey).Distinct().ToList());
        }

        /// <summary>
        /// Fix All in document scope for one equivalence key, over the given diagnostics; returns the document's text
        /// afterwards, or null when the fixer offers no Fix All action.
        /// </summary>
        public static async Task<string?> ApplyFixAllAsync(CodeFixProvider fixer, string? equivalenceKey, Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var provider = fixer.GetFixAllProvider();
            if (provider is null || !provider.GetSupportedFixAllScopes().Contains(FixAllScope.Document))
            {
                return null;
            }

            var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToImmutableArray();
            var context = new FixAllContext(
                document,
                fixer,
                FixAllScope.Document,
                equivalenceKey,
                fixable.Select(d => d.Id).Distinct(),
                new FixedDiagnostics(fixable),
                cancellationToken);
            var action = await provider.GetFixAsync(context).ConfigureAwait(false);
            return action is null ? null : await ChangedTextAsync(action, document, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Computes the action's operations (which runs the fixer's edit, simplification and formatting), reads every
        /// changed or added document, and returns the text of <paramref name="document"/> afterwards.
        /// </summary>
        private static async Task<string> ChangedTextAsync(CodeAction action, Document document, CancellationToken cancellationToken)
        {
            var original = document.Project.Solution;
            var result = original;
            foreach (var operation in await action.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
            {
                if (operation is not ApplyChangesOperation apply)
                {
                    continue;
                }

                result = apply.ChangedSolution;
                foreach (var projectChanges in result.GetChanges(original).GetProjectChanges())
                {
                    foreach (var id in projectChanges.GetChangedDocuments().Concat(projectChanges.GetAddedDocuments()))
                    {
                        (await result.GetDocument(id)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!.ToFullString();
                    }
                }
            }

            return (await result.GetDocument(document.Id)!.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
        }

        private sealed class FixedDiagnostics : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics)
            {
                _diagnostics = diagnostics;
            }

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => !d.Location.IsInSource));

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
                Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);
        }
    }
}
