using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// Plumbing for fixes that edit one document per diagnostic: a single action and Fix All share the same
    /// edit function, applied to one <see cref="DocumentEditor"/> in an order that keeps inner edits valid.
    /// </summary>
    internal static class DiagnosticEdits
    {
        /// <summary>Registers the edit for a diagnostic; returns false when the diagnostic cannot be fixed this way.</summary>
        public delegate bool EditRegistrar(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken);

        public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, EditRegistrar register, CancellationToken cancellationToken)
        {
            var session = new EditSession(await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false));
            // Inner nodes before outer ones, so that an outer replacement sees the inner edit.
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Length).ThenByDescending(d => d.Location.SourceSpan.Start))
            {
                register(session, diagnostic, cancellationToken);
            }

            session.Flush();
            return session.Editor.GetChangedDocument();
        }

        /// <summary>Registers an action whose edit runs when the action does.</summary>
        public static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey, EditRegistrar register)
        {
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ApplyAsync(document, new[] { diagnostic }, register, cancellationToken), equivalenceKey),
                diagnostic);
        }

        /// <summary>
        /// A Fix All provider for fixes with several actions: it applies the action the user picked, to the diagnostics
        /// of the ids being fixed only. A host may hand over every diagnostic of the document (dotnet format does when
        /// one analyzer reports several ids), and an edit meant for one rule must never be applied to another's.
        /// </summary>
        public static FixAllProvider FixAll(Func<string?, Document, CancellationToken, Task<EditRegistrar?>> registrarForKey) =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var register = await registrarForKey(context.CodeActionEquivalenceKey, document, context.CancellationToken).ConfigureAwait(false);
                return register is null ? document : await ApplyAsync(document, OfIds(diagnostics, context.DiagnosticIds), register, context.CancellationToken).ConfigureAwait(false);
            });

        /// <summary>The diagnostics whose id is one of <paramref name="ids"/>.</summary>
        public static ImmutableArray<Diagnostic> OfIds(ImmutableArray<Diagnostic> diagnostics, ImmutableHashSet<string> ids)
        {
            var builder = ImmutableArray.CreateBuilder<Diagnostic>(diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                if (ids.Contains(diagnostic.Id))
                {
                    builder.Add(diagnostic);
                }
            }

            return builder.ToImmutable();
        }
    }
}
