using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Answers "is this local or field assigned exactly once in the compilation, and from what?"
    /// (docs/architecture.md "Constant value"). Writes are found by name in the syntax that can reach the symbol:
    /// the enclosing member for a local, the containing type for a private or readonly field, every file otherwise.
    /// Matching by name over-counts writes (never under-counts), so a doubtful symbol is not constant.
    /// Results are cached per symbol for the life of the compilation.
    /// </summary>
    internal sealed class SingleAssignmentIndex
    {
        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<ISymbol, ExpressionSyntax?> _cache =
            new ConcurrentDictionary<ISymbol, ExpressionSyntax?>(SymbolEqualityComparer.Default);

        public SingleAssignmentIndex(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>The one value assigned to <paramref name="symbol"/>, or null.</summary>
        public ExpressionSyntax? GetSingleAssignedValue(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (_cache.TryGetValue(symbol, out var cached))
            {
                return cached;
            }

            var value = symbol switch
            {
                ILocalSymbol local => FindForLocal(local, cancellationToken),
                IFieldSymbol field => FindForField(field, cancellationToken),
                _ => null,
            };

            return _cache.GetOrAdd(symbol, value);
        }

        private static ExpressionSyntax? FindForLocal(ILocalSymbol local, CancellationToken cancellationToken)
        {
            if (local.IsRef || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
            {
                // foreach variables, out vars and pattern variables are assigned by the runtime.
                return null;
            }

            var scope = FindLocalScope(declarator);
            if (scope is null)
            {
                return null;
            }

            var counter = new WriteCounter(local.Name, declarator.Initializer?.Value);
            counter.Scan(scope, cancellationToken);
            return counter.Result;
        }

        private static SyntaxNode? FindLocalScope(SyntaxNode declarator)
        {
            for (var node = declarator.Parent; node is not null; node = node.Parent)
            {
                if (node is GlobalStatementSyntax)
                {
                    // Top-level statements share their locals across every global statement of the file.
                    return node.Parent;
                }

                if (node is MemberDeclarationSyntax)
                {
                    return node;
                }
            }

            return null;
        }

        private ExpressionSyntax? FindForField(IFieldSymbol field, CancellationToken cancellationToken)
        {
            if (field.IsConst || field.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            if (field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
            {
                return null;
            }

            var counter = new WriteCounter(field.Name, declarator.Initializer?.Value);
            // A readonly field can only be written by its own type's initializers and constructors (CS0191
            // anywhere else), so that type's declarations hold every write whatever the field's accessibility.
            // Scanning every file instead made each public static readonly field cost a pass over the whole
            // compilation: quadratic on large code bases (see docs/performance.md).
            if (field.DeclaredAccessibility == Accessibility.Private || field.IsReadOnly)
            {
                foreach (var reference in field.ContainingType.DeclaringSyntaxReferences)
                {
                    counter.Scan(reference.GetSyntax(cancellationToken), cancellationToken);
                }
            }
            else
            {
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    counter.Scan(tree.GetRoot(cancellationToken), cancellationToken);
                }
            }

            return counter.Result;
        }

        /// <summary>Counts the writes to one name in the scanned syntax.</summary>
        private sealed class WriteCounter
        {
            private readonly string _name;
            private ExpressionSyntax? _value;
            private int _writes;
            private bool _unsupportedWrite;

            public WriteCounter(string name, ExpressionSyntax? initializer)
            {
                _name = name;
                _value = initializer;
                _writes = initializer is null ? 0 : 1;
            }

            public ExpressionSyntax? Result => !_unsupportedWrite && _writes == 1 ? _value : null;

            public void Scan(SyntaxNode root, CancellationToken cancellationToken)
            {
                foreach (var token in root.DescendantTokens())
                {
                    if (_unsupportedWrite || _writes > 1)
                    {
                        return;
                    }

                    if (token.RawKind != (int)SyntaxKind.IdentifierToken || token.ValueText != _name || token.Parent is not IdentifierNameSyntax identifier)
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    var write = GetWriteKind(identifier, out var assigned);
                    if (write == WriteKind.None)
                    {
                        continue;
                    }

                    _writes++;
                    if (write == WriteKind.SimpleAssignment)
                    {
                        _value = assigned;
                    }
                    else
                    {
                        _unsupportedWrite = true;
                    }
                }
            }
        }

        private enum WriteKind
        {
            None,
            SimpleAssignment,
            Other,
        }

        private static WriteKind GetWriteKind(IdentifierNameSyntax identifier, out ExpressionSyntax? assigned)
        {
            assigned = null;
            SyntaxNode target = identifier;

            // Climb from the name to the expression that could be the target of a write: x, this.x, T.x, a?.x, (x).
            while (target.Parent is { } parent)
            {
                if ((parent is MemberAccessExpressionSyntax access && access.Name == target)
                    || (parent is MemberBindingExpressionSyntax binding && binding.Name == target)
                    || parent is ParenthesizedExpressionSyntax)
                {
                    target = parent;
                    continue;
                }

                if (parent is ConditionalAccessExpressionSyntax conditional && conditional.WhenNotNull == target)
                {
                    target = parent;
                    continue;
                }

                break;
            }

            switch (target.Parent)
            {
                case AssignmentExpressionSyntax assignment when assignment.Left == target:
                    if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        assigned = assignment.Right;
                        return WriteKind.SimpleAssignment;
                    }

                    return WriteKind.Other;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.PreIncrementExpression) || prefix.IsKind(SyntaxKind.PreDecrementExpression):
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.PostIncrementExpression) || postfix.IsKind(SyntaxKind.PostDecrementExpression):
                case RefExpressionSyntax:
                    return WriteKind.Other;
                case ArgumentSyntax argument:
                    if (argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword))
                    {
                        return WriteKind.Other;
                    }

                    // (a, x) = ... deconstructs into x.
                    return IsInDeconstructionTarget(argument) ? WriteKind.Other : WriteKind.None;
                default:
                    return WriteKind.None;
            }
        }

        private static bool IsInDeconstructionTarget(ArgumentSyntax argument)
        {
            SyntaxNode node = argument;
            while (node.Parent is TupleExpressionSyntax tuple)
            {
                if (tuple.Parent is AssignmentExpressionSyntax assignment && assignment.Left == tuple)
                {
                    return true;
                }

                if (tuple.Parent is ArgumentSyntax outer)
                {
                    node = outer;
                    continue;
                }

                if (tuple.Parent is ForEachVariableStatementSyntax)
                {
                    return true;
                }

                break;
            }

            return false;
        }
    }
}
