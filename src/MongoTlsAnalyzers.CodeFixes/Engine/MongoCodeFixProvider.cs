using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// The one base of the package's code fixes that edit a document per diagnostic. A fixer declares its ids and its
    /// table of actions (<see cref="FixAction"/>: title, equivalence key, edit), in the order the lightbulb shows them,
    /// the first being what <c>dotnet format</c> and Fix All apply when the user does not choose; this class registers
    /// them and provides Fix All over the same edits. Whether an action is offered is decided from the diagnostic's
    /// <see cref="FixFacts"/>; its edit is computed only when the action runs.
    /// </summary>
    public abstract class MongoCodeFixProvider : CodeFixProvider
    {
        internal abstract ImmutableArray<FixAction> Actions { get; }

        /// <summary>
        /// Fix All applies the action the user picked. Without a key it applies, per diagnostic, the first action
        /// offered for it: <c>dotnet format analyzers</c> asks for the key with the first diagnostic of the whole
        /// analysis, whatever its id, so with one analyzer reporting several ids it often passes none
        /// (docs/performance.md, "Shipped shape").
        /// </summary>
        public sealed override FixAllProvider GetFixAllProvider() => DiagnosticEdits.FixAll(async (key, document, cancellationToken) =>
        {
            if (key is not null)
            {
                foreach (var action in Actions)
                {
                    if (action.EquivalenceKey == key)
                    {
                        return action.Edit;
                    }
                }

                return null;
            }

            var scope = FixScope.Of(await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false));
            return (session, diagnostic, token) => FirstOffered(diagnostic, scope) is { } action && action.Edit(session, diagnostic, token);
        });

        /// <summary>The first action of the table offered for <paramref name="diagnostic"/>.</summary>
        private FixAction? FirstOffered(Diagnostic diagnostic, FixScope scope)
        {
            var facts = FixFacts.Of(diagnostic);
            foreach (var action in Actions)
            {
                if (action.Title(diagnostic.Id, facts, scope) is not null)
                {
                    return action;
                }
            }

            return null;
        }

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var project = context.Document.Project;
            var scope = FixScope.Of(project.TryGetCompilation(out var compilation)
                ? compilation
                : await project.GetCompilationAsync(context.CancellationToken).ConfigureAwait(false));
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var facts = FixFacts.Of(diagnostic);
                foreach (var action in Actions)
                {
                    if (action.Title(diagnostic.Id, facts, scope) is { } title)
                    {
                        DiagnosticEdits.Register(context, diagnostic, title, action.EquivalenceKey, action.Edit);
                    }
                }
            }
        }
    }
}
