using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.CodeFixes.CodeBuilders;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// Fix All for <see cref="MoveToConfigurationFixer"/>: every diagnostic of the scope, and every copy of their connection
    /// strings elsewhere in the project, moved in one solution change, so each connection string gets one key whatever
    /// the scope (a document-scope Fix All that left a copy in another file would later give that copy a second key).
    /// </summary>
    internal sealed class ConnectionMoveFixAll : FixAllProvider
    {
        public static readonly ConnectionMoveFixAll Instance = new ConnectionMoveFixAll();

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var diagnostics = fixAllContext.Scope switch
            {
                FixAllScope.Document when fixAllContext.Document is { } document => await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false),
                FixAllScope.Project => await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false),
                FixAllScope.Solution => (await Task.WhenAll(fixAllContext.Solution.Projects.Select(p => fixAllContext.GetAllDiagnosticsAsync(p))).ConfigureAwait(false)).SelectMany(d => d).ToImmutableArray(),
                _ => default,
            };
            if (diagnostics.IsDefaultOrEmpty)
            {
                return null;
            }

            var solution = fixAllContext.Solution;
            var mine = diagnostics.Where(d => fixAllContext.DiagnosticIds.Contains(d.Id)).ToList();
            return CodeAction.Create(
                "Move every hard-coded connection string to configuration",
                async cancellationToken =>
                {
                    var result = solution;
                    // One project at a time: the keys are those of the project's compilation.
                    foreach (var group in mine.GroupBy(d => d.Location.SourceTree is { } tree ? solution.GetDocumentId(tree)?.ProjectId : null))
                    {
                        if (group.Key is null)
                        {
                            continue;
                        }

                        var changed = await ConnectionMove.ApplyAsync(solution, ConnectionMove.ByDocument(solution, group), cancellationToken).ConfigureAwait(false);
                        foreach (var documentId in changed.GetChanges(solution).GetProjectChanges().SelectMany(p => p.GetChangedDocuments()))
                        {
                            result = result.WithDocumentSyntaxRoot(documentId, (await changed.GetDocument(documentId)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
                        }
                    }

                    return result;
                },
                fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
