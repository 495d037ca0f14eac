using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.CodeFixes.Support
{
    /// <summary>
    /// Finds an <c>IConfiguration</c> that code at a position can use (DESIGN §6, tier 2): a local or parameter
    /// of that type, a field or property of the containing type, or the <c>Configuration</c> property of a
    /// builder or host context in scope (<c>builder.Configuration</c>, <c>context.Configuration</c>).
    /// </summary>
    internal static class ConfigurationAccess
    {
        public const string ConfigurationTypeName = "Microsoft.Extensions.Configuration.IConfiguration";

        public static ExpressionSyntax? Find(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            var configuration = model.Compilation.GetTypeByMetadataName(ConfigurationTypeName);
            if (configuration is null)
            {
                return null;
            }

            var node = model.SyntaxTree.GetRoot(cancellationToken).FindToken(position).Parent;
            var staticContext = IsStaticContext(node, model, cancellationToken);

            ExpressionSyntax? member = null;
            ExpressionSyntax? viaProperty = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                var type = symbol switch
                {
                    ILocalSymbol local when IsDeclaredBefore(local, position, cancellationToken) => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || !staticContext) => field.Type,
                    IPropertySymbol property when !property.IsIndexer && (property.IsStatic || !staticContext) => property.Type,
                    _ => null,
                };

                if (type is null)
                {
                    continue;
                }

                if (IsConfiguration(type, configuration))
                {
                    var name = SyntaxFactory.IdentifierName(symbol.Name);
                    if (symbol is ILocalSymbol or IParameterSymbol)
                    {
                        return name;
                    }

                    member ??= name;
                    continue;
                }

                if (viaProperty is null && symbol is ILocalSymbol or IParameterSymbol)
                {
                    foreach (var candidate in type.GetMembers("Configuration"))
                    {
                        if (candidate is IPropertySymbol { IsStatic: false } property && IsConfiguration(property.Type, configuration))
                        {
                            viaProperty = SyntaxFactory.MemberAccessExpression(
                                SyntaxKind.SimpleMemberAccessExpression,
                                SyntaxFactory.IdentifierName(symbol.Name),
                                SyntaxFactory.IdentifierName("Configuration"));
                            break;
                        }
                    }
                }
            }

            return member ?? viaProperty;
        }

        private static bool IsConfiguration(ITypeSymbol type, INamedTypeSymbol configuration)
        {
            if (SymbolEqualityComparer.Default.Equals(type, configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, configuration))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclaredBefore(ILocalSymbol local, int position, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (syntax.Span.End > position)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True inside static members and field or property initializers, where instance members are not available.</summary>
        private static bool IsStaticContext(SyntaxNode? node, SemanticModel model, CancellationToken cancellationToken)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                        return true;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                        var symbol = model.GetDeclaredSymbol(current is AccessorDeclarationSyntax accessor ? accessor.Parent!.Parent! : current, cancellationToken);
                        return symbol?.IsStatic ?? true;
                    case CompilationUnitSyntax:
                        return true;
                }
            }

            return true;
        }
    }
}
