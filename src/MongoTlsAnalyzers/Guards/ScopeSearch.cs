using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
            var staticContext = IsStaticContext(node);
            var enclosing = model.GetEnclosingSymbol(position, cancellationToken);

            // Locals and parameters first, innermost first. Walking the scopes instead of asking LookupSymbols for every
            // name in scope (thousands of types and namespaces) keeps this cheap enough for the analyzer, which asks it
            // for each insecure setting it reports (docs/performance.md).
            ExpressionSyntax? viaProperty = null;
            foreach (var symbol in LocalsAndParameters(node, model, position, enclosing, cancellationToken))
            {
                var type = symbol switch
                {
                    ILocalSymbol local => local.Type,
                    IParameterSymbol parameter => parameter.Type,
                    _ => null,
                };

                if (type is null)
                {
                    continue;
                }

                if (isWanted(type))
                {
                    return SyntaxFactory.IdentifierName(symbol.Name);
                }

                viaProperty ??= ViaProperty(symbol, type, isWanted, viaProperties);
            }

            for (var type = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    var memberType = member switch
                    {
                        IFieldSymbol field when !field.IsImplicitlyDeclared && (field.IsStatic || !staticContext) && IsAccessible(field, type, enclosing) => field.Type,
                        IPropertySymbol property when !property.IsIndexer && (property.IsStatic || !staticContext) && IsAccessible(property, type, enclosing) => property.Type,
                        _ => null,
                    };

                    if (memberType is not null && isWanted(memberType))
                    {
                        return SyntaxFactory.IdentifierName(member.Name);
                    }
                }
            }

            return viaProperty;
        }

        private static ExpressionSyntax? ViaProperty(ISymbol symbol, ITypeSymbol type, Func<ITypeSymbol, bool> isWanted, string[] viaProperties)
        {
            foreach (var propertyName in viaProperties)
            {
                foreach (var candidate in type.GetMembers(propertyName))
                {
                    if (candidate is IPropertySymbol { IsStatic: false } property && isWanted(property.Type))
                    {
                        return SyntaxFactory.MemberAccessExpression(
                            SyntaxKind.SimpleMemberAccessExpression,
                            SyntaxFactory.IdentifierName(symbol.Name),
                            SyntaxFactory.IdentifierName(propertyName));
                    }
                }
            }

            return null;
        }

        /// <summary>A base type's private members are not usable from a derived type.</summary>
        private static bool IsAccessible(ISymbol member, INamedTypeSymbol owner, ISymbol? enclosing) =>
            member.DeclaredAccessibility != Accessibility.Private
            || SymbolEqualityComparer.Default.Equals(owner, enclosing as INamedTypeSymbol ?? enclosing?.ContainingType);

        /// <summary>
        /// The locals declared before <paramref name="position"/> in the blocks around it (top-level statements
        /// included, of this file only: other files' cannot be used, CS8801), innermost first, then the parameters of the
        /// enclosing lambdas, local functions and member, then a primary constructor's.
        /// </summary>
        private static IEnumerable<ISymbol> LocalsAndParameters(SyntaxNode? node, SemanticModel model, int position, ISymbol? enclosing, CancellationToken cancellationToken)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                var statements = current switch
                {
                    BlockSyntax block => block.Statements,
                    SwitchSectionSyntax section => section.Statements,
                    _ => default,
                };

                if (current is CompilationUnitSyntax unit)
                {
                    foreach (var global in unit.Members)
                    {
                        if (global is GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax declaration } && global.Span.End <= position)
                        {
                            foreach (var local in Declared(declaration.Declaration, model, cancellationToken))
                            {
                                yield return local;
                            }
                        }
                    }
                }

                if (current is ForEachStatementSyntax forEach && forEach.Statement.Span.Contains(position)
                    && model.GetDeclaredSymbol(forEach, cancellationToken) is { } iteration)
                {
                    yield return iteration;
                }

                if (current is UsingStatementSyntax { Declaration: { } usingDeclaration } && usingDeclaration.Span.End <= position)
                {
                    foreach (var local in Declared(usingDeclaration, model, cancellationToken))
                    {
                        yield return local;
                    }
                }

                for (var i = statements.Count - 1; i >= 0; i--)
                {
                    if (statements[i].Span.End <= position && statements[i] is LocalDeclarationStatementSyntax declaration)
                    {
                        foreach (var local in Declared(declaration.Declaration, model, cancellationToken))
                        {
                            yield return local;
                        }
                    }
                }
            }

            for (var current = enclosing; current is IMethodSymbol method; current = current.ContainingSymbol)
            {
                foreach (var parameter in method.Parameters)
                {
                    yield return parameter;
                }
            }

            // A primary constructor's parameters are in scope in every member of the type.
            var owner = enclosing as INamedTypeSymbol ?? enclosing?.ContainingType;
            foreach (var constructor in owner?.InstanceConstructors ?? ImmutableArray<IMethodSymbol>.Empty)
            {
                if (constructor.DeclaringSyntaxReferences.Length == 1 && constructor.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                {
                    foreach (var parameter in constructor.Parameters)
                    {
                        yield return parameter;
                    }
                }
            }
        }

        private static IEnumerable<ISymbol> Declared(VariableDeclarationSyntax declaration, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var variable in declaration.Variables)
            {
                if (model.GetDeclaredSymbol(variable, cancellationToken) is { } local)
                {
                    yield return local;
                }
            }
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

        /// <summary>True inside static members and field or property initializers, where instance members are not available.</summary>
        private static bool IsStaticContext(SyntaxNode? node)
        {
            for (var current = node; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } }:
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax }:
                        return true;
                    case BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax:
                        // A static member is always declared with the modifier (a static class's members too), so the
                        // declaration answers without binding its symbol.
                        var member = current is AccessorDeclarationSyntax { Parent.Parent: var owner } ? owner : current;
                        return member is not MemberDeclarationSyntax declaration || declaration.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case CompilationUnitSyntax:
                        return true;
                }
            }

            return true;
        }
    }
}
