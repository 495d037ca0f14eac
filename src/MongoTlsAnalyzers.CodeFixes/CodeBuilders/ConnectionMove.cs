using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// Moves connection strings to configuration everywhere they are written (docs/rules/MTA001.md "Each connection its own
    /// key"): the diagnosed ones, and every other place in the project where the same connection-string text is written,
    /// so that one text never ends up under two keys because its copies were moved one at a time.
    /// </summary>
    internal static class ConnectionMove
    {
        /// <summary>The solution with <paramref name="diagnostics"/> (of any documents of one project) and every copy of their connection strings moved.</summary>
        public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyDictionary<DocumentId, List<Diagnostic>> diagnostics, CancellationToken cancellationToken)
        {
            var byDocument = diagnostics.ToDictionary(p => p.Key, p => new List<Diagnostic>(p.Value));
            var texts = new HashSet<string>();
            Project? project = null;
            foreach (var pair in diagnostics)
            {
                var document = solution.GetDocument(pair.Key);
                if (document is null || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
                {
                    continue;
                }

                project ??= document.Project;
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                foreach (var diagnostic in pair.Value)
                {
                    if (FixFacts.Of(diagnostic) is { Secret: SecretKind.ConnectionString, Shape: not ValueShape.Fallback }
                        && root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax node
                        && ConnectionKeys.UriTextAt(StringExpressions.Outermost(node), model, cancellationToken) is { } text)
                    {
                        texts.Add(text);
                    }
                }
            }

            if (project is not null && texts.Count > 0)
            {
                foreach (var (documentId, copy) in await CopiesAsync(project, texts, cancellationToken).ConfigureAwait(false))
                {
                    if (!byDocument.TryGetValue(documentId, out var list))
                    {
                        byDocument.Add(documentId, list = new List<Diagnostic>());
                    }

                    list.Add(copy);
                }
            }

            var result = solution;
            foreach (var pair in byDocument)
            {
                if (solution.GetDocument(pair.Key) is not { } document)
                {
                    continue;
                }

                var changed = await HardCodedValueEditor.FixAsync(document, pair.Value, cancellationToken).ConfigureAwait(false);
                result = result.WithDocumentSyntaxRoot(pair.Key, (await changed.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
            }

            return result;
        }

        /// <summary>Diagnostics standing for every place of <paramref name="project"/> that writes one of <paramref name="texts"/>.</summary>
        private static async Task<List<(DocumentId Document, Diagnostic Copy)>> CopiesAsync(Project project, HashSet<string> texts, CancellationToken cancellationToken)
        {
            var copies = new List<(DocumentId, Diagnostic)>();
            var properties = new FixFacts { Shape = ValueShape.Piece, Secret = SecretKind.ConnectionString }.ToProperties();
            foreach (var document in project.Documents)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken).ConfigureAwait(false);
                var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                if (tree is null || model is null)
                {
                    continue;
                }

                foreach (var root in ConnectionKeys.MovableRoots(tree, model, cancellationToken))
                {
                    if (texts.Contains(root.Text))
                    {
                        copies.Add((document.Id, Diagnostic.Create(RuleDescriptors.HardCodedConnectionString, root.Node.GetLocation(), properties, string.Empty)));
                    }
                }
            }

            return copies;
        }

        /// <summary>Groups diagnostics by document.</summary>
        public static Dictionary<DocumentId, List<Diagnostic>> ByDocument(Solution solution, IEnumerable<Diagnostic> diagnostics)
        {
            var map = new Dictionary<DocumentId, List<Diagnostic>>();
            foreach (var diagnostic in diagnostics)
            {
                if (diagnostic.Location.SourceTree is { } tree && solution.GetDocumentId(tree) is { } id)
                {
                    if (!map.TryGetValue(id, out var list))
                    {
                        map.Add(id, list = new List<Diagnostic>());
                    }

                    list.Add(diagnostic);
                }
            }

            return map;
        }
    }
}
