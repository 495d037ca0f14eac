using System.Collections.Immutable;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using Microsoft.CodeAnalysis.CodeFixes;

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

        public sealed override FixAllProvider GetFixAllProvider() => DiagnosticEdits.FixAll(key =>
        {
            foreach (var action in Actions)
            {
                if (action.EquivalenceKey == key)
                {
                    return action.Edit;
                }
            }

            return null;
        });

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
