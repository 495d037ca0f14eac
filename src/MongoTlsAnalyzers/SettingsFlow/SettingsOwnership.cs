using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// Whether the runtime helper's fix can own the settings object a driver call creates (docs/architecture.md
    /// "Fixes": a helper-tier fix keeps what the helper promises). The fix replaces the call with the helper's builder; any later use of the
    /// object in the same method other than <c>new MongoClient(settings)</c> (a property write such as
    /// <c>settings.SslSettings = ...</c>, <c>settings.ServerSelectionTimeout = ...</c>, <c>settings.ClusterConfigurator = ...</c>,
    /// a call on it, passing it elsewhere) would run after the helper and could undo its TLS validation or timeout
    /// floors, or would be lost. Such uses are not moved: the helper tier is not offered for them.
    /// </summary>
    internal static class SettingsOwnership
    {
        /// <summary>
        /// <paramref name="facts"/> with <see cref="FixFacts.SettingsUsedLater"/> set when its sink is
        /// <c>MongoClientSettings.FromConnectionString(uri)</c> (<see cref="Uris.UriSink"/>) and the object it builds is used later.
        /// </summary>
        public static FixFacts Of(FixFacts facts, SemanticModel? model, DriverTypes types, CancellationToken cancellationToken)
        {
            if (facts is not { Sink: SinkKind.SettingsFromConnectionString, SinkSpan: { } span } || model is null)
            {
                return facts;
            }

            var call = model.SyntaxTree.GetRoot(cancellationToken).FindNode(span, getInnermostNodeForTie: true);
            return UsedLater(call, null, model, types, cancellationToken) ? facts with { SettingsUsedLater = true } : facts;
        }

        /// <summary>
        /// True when the object <paramref name="creation"/> creates is used later in its method in a way other than
        /// <c>new MongoClient(settings)</c>, outside <paramref name="removed"/> (the statement the fix removes, if any).
        /// </summary>
        public static bool UsedLater(SyntaxNode creation, SyntaxNode? removed, SemanticModel? model, DriverTypes types, CancellationToken cancellationToken)
        {
            if (model is null)
            {
                return true;
            }

            ISymbol? target = creation.Parent switch
            {
                EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } when IsLocalDeclaration(creation) => model.GetDeclaredSymbol(declarator, cancellationToken),
                AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment when assignment.Right == creation => model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
                _ => null,
            };
            return UsedLaterAs(target, creation, removed, model, types, cancellationToken);
        }

        /// <summary>
        /// <see cref="UsedLater(SyntaxNode, SyntaxNode?, SemanticModel?, DriverTypes, CancellationToken)"/> when the
        /// caller already knows <paramref name="target"/>, the local <paramref name="creation"/> initialises: asking
        /// the semantic model for the declared symbol again was most of this check's cost on the benchmark.
        /// </summary>
        public static bool UsedLater(SyntaxNode creation, ILocalSymbol target, SyntaxNode? removed, SemanticModel? model, DriverTypes types, CancellationToken cancellationToken) =>
            model is null || UsedLaterAs(IsLocalDeclaration(creation) ? target : null, creation, removed, model, types, cancellationToken);

        /// <summary>The shape whose declared symbol the first overload asks for: a local declaration statement's initializer.</summary>
        private static bool IsLocalDeclaration(SyntaxNode creation) =>
            creation.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: LocalDeclarationStatementSyntax } } };

        private static bool UsedLaterAs(ISymbol? target, SyntaxNode creation, SyntaxNode? removed, SemanticModel model, DriverTypes types, CancellationToken cancellationToken)
        {
            if (target is null)
            {
                // Returned, passed on, used in place or a field's initializer: no later statement of a method writes to it.
                return false;
            }

            if (target is not ILocalSymbol and not IFieldSymbol and not IPropertySymbol)
            {
                return true;
            }

            var body = creation.FirstAncestorOrSelf<SyntaxNode>(node => node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or CompilationUnitSyntax);
            if (body is null)
            {
                return true;
            }

            // Only what follows the creation: a subtree that ends before it is not entered.
            var creationEnd = creation.Span.End;
            foreach (var node in body.DescendantNodes(child => child.Span.End > creationEnd))
            {
                if (node is not IdentifierNameSyntax identifier
                    || identifier.SpanStart < creationEnd
                    || identifier.Identifier.ValueText != target.Name
                    || (removed is not null && removed.Span.Contains(identifier.Span)))
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, target))
                {
                    continue;
                }

                if (!IsClientArgument(identifier, model, types, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>new MongoClient(settings)</c> (or <c>this.settings</c>): the one use the helper's settings are made for.</summary>
        private static bool IsClientArgument(IdentifierNameSyntax identifier, SemanticModel model, DriverTypes types, CancellationToken cancellationToken)
        {
            SyntaxNode expression = identifier.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == identifier ? access : identifier;
            return expression.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax client } }
                && types.Is(model.GetTypeInfo(client, cancellationToken).Type, DriverType.MongoClient);
        }
    }
}
