using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// The one base of the package's code fixes that edit a document per diagnostic. A fixer declares its ids and its
    /// table of actions (<see cref="FixAction"/>: title, equivalence key, edit), in the order the lightbulb shows them,
    /// the first being what <c>dotnet format</c> and Fix All apply when the user does not choose; this class registers
    /// them and provides Fix All over the same edits. An edit that does not apply to a diagnostic's code (it returns
    /// false) is not offered.
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
            if (!await AppliesToAsync(context).ConfigureAwait(false))
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                foreach (var action in Actions)
                {
                    if (action.Title(diagnostic) is { } title)
                    {
                        await DiagnosticEdits.RegisterAsync(context, diagnostic, title, action.EquivalenceKey, action.Edit).ConfigureAwait(false);
                    }
                }
            }
        }

        /// <summary>Whether the fixer has anything to offer in this document's compilation at all.</summary>
        private protected virtual Task<bool> AppliesToAsync(CodeFixContext context) => Task.FromResult(true);
    }
}
