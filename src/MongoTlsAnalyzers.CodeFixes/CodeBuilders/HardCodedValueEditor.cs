using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// Moves hard-coded connection strings and passwords out of one document (docs/architecture.md "Fixes"): it replaces the
    /// value with a read from configuration or an environment variable, turns a fallback into a clear
    /// failure, and removes the const or field that held the secret once nothing else uses it. One instance
    /// applies every diagnostic of a document, so single fixes and Fix All share one code path.
    /// </summary>
    internal sealed class HardCodedValueEditor
    {
        private readonly Document _document;
        private readonly DocumentEditor _editor;
        private readonly HashSet<SyntaxNode> _handled = new HashSet<SyntaxNode>();
        private readonly List<TextSpan> _replacedSpans = new List<TextSpan>();
        private readonly List<ISymbol> _removalCandidates = new List<ISymbol>();
        private bool _needsConfigurationImport;

        /// <summary>The connection-string name of the diagnostic being applied (<see cref="ConnectionKeys"/>).</summary>
        private string _connectionName = ConnectionKeys.DefaultName;

        private HardCodedValueEditor(Document document, DocumentEditor editor)
        {
            _document = document;
            _editor = editor;
        }

        private SemanticModel Model => _editor.SemanticModel;

        /// <summary>Returns a short description of the fix for the diagnostic, or null when no safe fix exists.</summary>
        public static async Task<string?> DescribeAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var instance = new HardCodedValueEditor(document, editor);
            return await instance.ApplyAsync(diagnostic, cancellationToken).ConfigureAwait(false);
        }

        public static async Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            var instance = new HardCodedValueEditor(document, editor);
            // Inner values first: an edit inside an expression must be registered before the expression itself is replaced.
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Length).ThenByDescending(d => d.Location.SourceSpan.Start))
            {
                await instance.ApplyAsync(diagnostic, cancellationToken).ConfigureAwait(false);
            }

            await instance.RemoveUnusedDeclarationsAsync(cancellationToken).ConfigureAwait(false);
            instance.AddConfigurationImport();
            return editor.GetChangedDocument();
        }

        /// <summary>Registers the edits for one diagnostic; returns the action's title, or null when it cannot be fixed safely.</summary>
        private async Task<string?> ApplyAsync(Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = _editor.OriginalRoot;
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                return null;
            }

            var facts = FixFacts.Of(diagnostic);
            var shape = facts.Shape;
            var kind = facts.Secret;
            _connectionName = ConnectionNameOf(node, kind, cancellationToken);
            if (shape is ValueShape.AssembledPiece or ValueShape.ServerAddress)
            {
                // One append of a builder, or one server address: replacing that piece alone would leave the rest of the
                // connection in code.
                return null;
            }

            if (shape == ValueShape.Fallback || StringExpressions.IsCoalesceFallback(node))
            {
                if (!_handled.Add(node))
                {
                    return null;
                }

                _editor.ReplaceNode(node, SecretReads.Throw(SecretReads.MissingValueMessage(kind)).WithTriviaFrom(node));
                return "Fail when the value is not configured instead of using a hard-coded fallback";
            }

            var target = shape == ValueShape.Piece ? StringExpressions.Outermost(node) : node;
            if (shape == ValueShape.Declaration)
            {
                target = StringExpressions.Outermost(node);
            }

            return await ReplaceValueAsync(target, kind, cancellationToken).ConfigureAwait(false);
        }

        private async Task<string?> ReplaceValueAsync(ExpressionSyntax value, SecretKind kind, CancellationToken cancellationToken)
        {
            if (!_handled.Add(value))
            {
                return null;
            }

            if (StringExpressions.RequiresConstant(value)
                && value.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax })
            {
                return null;
            }

            if (value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator })
            {
                return await ReplaceDeclarationAsync(declarator, value, kind, cancellationToken).ConfigureAwait(false);
            }

            Replace(value, kind, value.SpanStart, cancellationToken);
            return Title(kind, value.SpanStart, cancellationToken);
        }

        private async Task<string?> ReplaceDeclarationAsync(VariableDeclaratorSyntax declarator, ExpressionSyntax value, SecretKind kind, CancellationToken cancellationToken)
        {
            var symbol = Model.GetDeclaredSymbol(declarator, cancellationToken);
            switch (declarator.Parent?.Parent)
            {
                case LocalDeclarationStatementSyntax local when symbol is ILocalSymbol localSymbol:
                    if (local.IsConst && LocalUsedAsConstant(local, localSymbol, cancellationToken))
                    {
                        return null;
                    }

                    _handled.Add(declarator);
                    Replace(value, kind, local.SpanStart, cancellationToken);
                    if (local.IsConst)
                    {
                        _editor.ReplaceNode(local, (current, _) =>
                        {
                            var statement = (LocalDeclarationStatementSyntax)current;
                            var constKeyword = statement.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                            return statement.WithModifiers(statement.Modifiers.Remove(constKeyword)).WithLeadingTrivia(statement.GetLeadingTrivia());
                        });
                    }

                    return Title(kind, local.SpanStart, cancellationToken);

                case FieldDeclarationSyntax field when symbol is IFieldSymbol fieldSymbol:
                    return await ReplaceFieldAsync(field, declarator, fieldSymbol, value, kind, cancellationToken).ConfigureAwait(false);

                default:
                    return null;
            }
        }

        /// <summary>
        /// A field holding the secret: when every use is in this document, each use reads the value itself and the
        /// field goes; otherwise the field stays, initialised from an environment variable.
        /// </summary>
        private async Task<string?> ReplaceFieldAsync(FieldDeclarationSyntax field, VariableDeclaratorSyntax declarator, IFieldSymbol symbol, ExpressionSyntax value, SecretKind kind, CancellationToken cancellationToken)
        {
            var references = await FindReferencesAsync(symbol, cancellationToken).ConfigureAwait(false);
            foreach (var location in references)
            {
                var referenceNode = location.SourceTree?.GetRoot(cancellationToken).FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                if (referenceNode is null || StringExpressions.RequiresConstant(referenceNode))
                {
                    return null;
                }
            }

            _handled.Add(declarator);
            _removalCandidates.AddRange(ReferencedDeclarations(value, cancellationToken));
            var allHere = references.All(r => r.SourceTree == _editor.OriginalRoot.SyntaxTree);
            string title;
            if (allHere && references.Count > 0)
            {
                foreach (var location in references)
                {
                    var referenceNode = _editor.OriginalRoot.FindNode(location.SourceSpan, getInnermostNodeForTie: true);
                    var use = referenceNode.Parent is MemberAccessExpressionSyntax access && access.Name == referenceNode ? access : referenceNode;
                    if (_handled.Add(use))
                    {
                        Replace(use, kind, use.SpanStart, cancellationToken);
                    }
                }

                RemoveDeclarator(field, declarator);
                title = Title(kind, references[0].SourceSpan.Start, cancellationToken);
            }
            else if (references.Count == 0)
            {
                RemoveDeclarator(field, declarator);
                title = "Remove the unused hard-coded value";
            }
            else
            {
                if (field.Declaration.Variables.Count != 1)
                {
                    return null;
                }

                Replace(value, kind, field.SpanStart, cancellationToken);
                if (field.Modifiers.Any(SyntaxKind.ConstKeyword))
                {
                    _editor.ReplaceNode(field, (current, _) =>
                    {
                        var declaration = (FieldDeclarationSyntax)current;
                        var constKeyword = declaration.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        var modifiers = declaration.Modifiers.Replace(
                            constKeyword,
                            SyntaxFactory.Token(SyntaxKind.StaticKeyword).WithTriviaFrom(constKeyword));
                        modifiers = modifiers.Insert(modifiers.IndexOf(SyntaxKind.StaticKeyword) + 1, SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                        return declaration.WithModifiers(modifiers);
                    });
                }

                title = Title(kind, field.SpanStart, cancellationToken);
            }

            return title;
        }

        private void RemoveDeclarator(FieldDeclarationSyntax field, VariableDeclaratorSyntax declarator)
        {
            if (field.Declaration.Variables.Count == 1)
            {
                _editor.RemoveNode(field);
            }
            else
            {
                _editor.RemoveNode(declarator);
            }
        }

        /// <summary>Consts, fields and locals of this document whose values the replaced expression read.</summary>
        private List<ISymbol> ReferencedDeclarations(ExpressionSyntax value, CancellationToken cancellationToken)
        {
            var symbols = new List<ISymbol>();
            foreach (var identifier in value.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
            {
                var symbol = Model.GetSymbolInfo(identifier, cancellationToken).Symbol;
                if (symbol is IFieldSymbol or ILocalSymbol
                    && symbol.DeclaringSyntaxReferences.Length == 1
                    && symbol.DeclaringSyntaxReferences[0].SyntaxTree == _editor.OriginalRoot.SyntaxTree
                    && symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax or BinaryExpressionSyntax or InterpolatedStringExpressionSyntax }
                    && !symbols.Contains(symbol, SymbolEqualityComparer.Default))
                {
                    symbols.Add(symbol);
                }
            }

            return symbols;
        }

        /// <summary>Replaces <paramref name="value"/> with a read, and remembers what it referenced for clean-up.</summary>
        private void Replace(SyntaxNode value, SecretKind kind, int position, CancellationToken cancellationToken)
        {
            if (value is ExpressionSyntax expression)
            {
                _removalCandidates.AddRange(ReferencedDeclarations(expression, cancellationToken));
            }

            _replacedSpans.Add(value.Span);
            _editor.ReplaceNode(value, Read(kind, position, cancellationToken).WithTriviaFrom(value));
        }

        /// <summary>
        /// Removes the consts, fields and locals that held parts of a replaced value once nothing outside the
        /// replaced code uses them, so that no copy of the secret stays in the document.
        /// </summary>
        private async Task RemoveUnusedDeclarationsAsync(CancellationToken cancellationToken)
        {
            var tree = _editor.OriginalRoot.SyntaxTree;
            foreach (var symbol in _removalCandidates.Distinct(SymbolEqualityComparer.Default))
            {
                var declarator = (VariableDeclaratorSyntax)symbol!.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
                if (!_handled.Add(declarator))
                {
                    continue;
                }

                var references = await FindReferencesAsync(symbol, cancellationToken).ConfigureAwait(false);
                var usedElsewhere = references.Any(r => r.SourceTree != tree || !_replacedSpans.Any(span => span.Contains(r.SourceSpan)));
                if (usedElsewhere)
                {
                    continue;
                }

                switch (declarator.Parent?.Parent)
                {
                    case FieldDeclarationSyntax field:
                        RemoveDeclarator(field, declarator);
                        break;
                    case LocalDeclarationStatementSyntax local when local.Declaration.Variables.Count == 1:
                        _editor.RemoveNode(local);
                        break;
                    case LocalDeclarationStatementSyntax:
                        _editor.RemoveNode(declarator);
                        break;
                }
            }
        }

        private async Task<List<Location>> FindReferencesAsync(ISymbol symbol, CancellationToken cancellationToken)
        {
            var locations = new List<Location>();
            var found = await SymbolFinder.FindReferencesAsync(symbol, _document.Project.Solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in found)
            {
                foreach (var location in reference.Locations)
                {
                    if (!location.IsImplicit)
                    {
                        locations.Add(location.Location);
                    }
                }
            }

            return locations;
        }

        private bool LocalUsedAsConstant(LocalDeclarationStatementSyntax local, ILocalSymbol symbol, CancellationToken cancellationToken)
        {
            var scope = local.Parent;
            if (scope is null)
            {
                return false;
            }

            foreach (var identifier in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (identifier.Identifier.ValueText == symbol.Name
                    && StringExpressions.RequiresConstant(identifier)
                    && SymbolEqualityComparer.Default.Equals(Model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name the connection string at <paramref name="node"/> moves to: one per distinct URI text of the compilation.</summary>
        private string ConnectionNameOf(ExpressionSyntax node, SecretKind kind, CancellationToken cancellationToken)
        {
            if (kind != SecretKind.ConnectionString)
            {
                return ConnectionKeys.DefaultName;
            }

            var text = ConnectionKeys.UriTextAt(StringExpressions.Outermost(node), Model, cancellationToken);
            return text is null ? ConnectionKeys.DefaultName : ConnectionKeys.For(Model.Compilation, cancellationToken).NameFor(text);
        }

        private ExpressionSyntax Read(SecretKind kind, int position, CancellationToken cancellationToken)
        {
            var configuration = ConfigurationAccess.Find(Model, position, cancellationToken);
            var read = SecretReads.Create(kind, configuration, out var needsImport, _connectionName);
            _needsConfigurationImport |= needsImport && !ExtensionIsInScope(configuration!, position);
            return read;
        }

        private string Title(SecretKind kind, int position, CancellationToken cancellationToken)
        {
            var (key, variable, description) = SecretReads.Names(kind, _connectionName);
            return ConfigurationAccess.Find(Model, position, cancellationToken) is not null
                ? $"Read the {description} from configuration ('{key}')"
                : $"Read the {description} from the {variable} environment variable";
        }

        /// <summary>Whether <c>configuration.GetConnectionString(...)</c> already binds here (the namespace is imported).</summary>
        private bool ExtensionIsInScope(ExpressionSyntax configuration, int position) =>
            Imports.Binds(Model, position, configuration.ToString() + ".GetConnectionString(\"x\")");

        private void AddConfigurationImport()
        {
            if (_needsConfigurationImport)
            {
                _editor.ReplaceNode(_editor.OriginalRoot, (current, _) => Imports.AddUsing(current, "Microsoft.Extensions.Configuration"));
            }
        }
    }
}
