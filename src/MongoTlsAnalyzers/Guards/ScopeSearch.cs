using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Guards
{
    /// <summary>
    /// Finds a value of a wanted type that code at a position can use (docs/architecture.md "Fixes"): a local declared before the
    /// position or a parameter (preferred), a field or property of the containing type usable from there, or a
    /// property of a local or parameter, such as <c>builder.Configuration</c> or <c>context.HostingEnvironment</c>.
    /// </summary>
    internal static class ScopeSearch
    {
        public static ExpressionSyntax? Find(SemanticModel model, int position, Func<ITypeSymbol, bool> isWanted, string[] viaProperties, CancellationToken cancellationToken)
        {
            var node = model.SyntaxTree.GetRoot(cancellationToken).FindToken(position).Parent;
            var staticContext = IsStaticContext(node, model, cancellationToken);
            var enclosing = model.GetEnclosingSymbol(position, cancellationToken);

            ExpressionSyntax? member = null;
            ExpressionSyntax? viaProperty = null;
            foreach (var symbol in model.LookupSymbols(position))
            {
                var type = symbol switch
                {
                    ILocalSymbol local when IsDeclaredIn(local, enclosing) && IsDeclaredBefore(local, model.SyntaxTree, position, cancellationToken) => local.Type,
                    IParameterSymbol parameter when IsDeclaredIn(parameter, enclosing) => parameter.Type,
                    IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || !staticContext) => field.Type,
                    IPropertySymbol property when !property.IsIndexer && (property.IsStatic || !staticContext) => property.Type,
                    _ => null,
                };

                if (type is null)
                {
                    continue;
                }

                if (isWanted(type))
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
                    foreach (var propertyName in viaProperties)
                    {
                        foreach (var candidate in type.GetMembers(propertyName))
                        {
                            if (candidate is IPropertySymbol { IsStatic: false } property && isWanted(property.Type))
                            {
                                viaProperty = SyntaxFactory.MemberAccessExpression(
                                    SyntaxKind.SimpleMemberAccessExpression,
                                    SyntaxFactory.IdentifierName(symbol.Name),
                                    SyntaxFactory.IdentifierName(propertyName));
                                break;
                            }
                        }

                        if (viaProperty is not null)
                        {
                            break;
                        }
                    }
                }
            }

            return member ?? viaProperty;
        }

        /// <summary>True when <paramref name="type"/> is, or implements, an interface with one of <paramref name="names"/>.</summary>
        public static bool IsOrImplements(ITypeSymbol type, params string[] names)
        {
            if (Array.IndexOf(names, type.Name) >= 0 && type.TypeKind == TypeKind.Interface)
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (Array.IndexOf(names, implemented.Name) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when a local or parameter belongs to the member (or an enclosing lambda or local function) at the
        /// position. Lookup also returns top-level statement locals, such as <c>builder</c> in Program.cs, from every
        /// file, but code outside the top-level statements cannot use them (CS8801).
        /// </summary>
        private static bool IsDeclaredIn(ISymbol localOrParameter, ISymbol? enclosing)
        {
            // A primary constructor's parameters are in scope in every member of the type.
            if (localOrParameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
                && constructor.DeclaringSyntaxReferences.Length == 1
                && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, enclosing as INamedTypeSymbol ?? enclosing?.ContainingType))
            {
                return true;
            }

            for (var current = enclosing; current is IMethodSymbol; current = current.ContainingSymbol)
            {
                if (SymbolEqualityComparer.Default.Equals(current, localOrParameter.ContainingSymbol))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsDeclaredBefore(ILocalSymbol local, SyntaxTree tree, int position, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree || reference.GetSyntax(cancellationToken).Span.End > position)
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
