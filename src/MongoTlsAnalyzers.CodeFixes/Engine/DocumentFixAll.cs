using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// A Fix All provider that hands every diagnostic of a document to one batch edit, so that fixes whose
    /// edits touch shared code (a const used by several URIs) are applied together and consistently, in
    /// Document, Project and Solution scope.
    /// </summary>
    internal static class DocumentFixAll
    {
        public static FixAllProvider Create(Func<Document, ImmutableArray<Diagnostic>, CancellationToken, Task<Document>> fixDocument) =>
            FixAllProvider.Create(
                async (context, document, diagnostics) =>
                {
                    // Only the ids being fixed: a host may hand over every diagnostic of the document.
                    var mine = DiagnosticEdits.OfIds(diagnostics, context.DiagnosticIds);
                    return mine.IsEmpty ? document : await fixDocument(document, mine, context.CancellationToken).ConfigureAwait(false);
                },
                ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution));
    }
}
