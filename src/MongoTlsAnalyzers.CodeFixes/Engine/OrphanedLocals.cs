using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// The locals an edit leaves unused (docs/architecture.md "Fixes": a fix never leaves a line that reads a configuration key nothing
    /// uses). When a fix replaces an expression, a local it read (<c>var cs = configuration.GetConnectionString("MongoDB") ?? throw ...;</c>)
    /// whose every reference was inside that expression is removed, and so on for the locals its initializer read.
    /// Only declarations whose initializer reads configuration, the environment or string operations are removed: a
    /// declaration with any other call (a vault, a file) may matter for its side effects and stays.
    /// </summary>
    internal static class OrphanedLocals
    {
        public static void Remove(EditSession session, SyntaxNode replaced, CancellationToken cancellationToken)
        {
            var model = session.Editor.SemanticModel;
            var gone = new List<TextSpan> { replaced.Span };
            var pending = new Queue<SyntaxNode>();
            pending.Enqueue(replaced);
            while (pending.Count > 0)
            {
                var node = pending.Dequeue();
                foreach (var identifier in node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                {
                    if (model.GetSymbolInfo(identifier, cancellationToken).Symbol is not ILocalSymbol local
                        || local.DeclaringSyntaxReferences.Length != 1
                        || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer, Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { UsingKeyword.RawKind: 0, Parent: BlockSyntax or GlobalStatementSyntax } statement } }
                        || !OnlyReads(initializer, model, cancellationToken))
                    {
                        continue;
                    }

                    var scope = statement.Parent is GlobalStatementSyntax global ? global.Parent! : statement.Parent!;
                    var usedElsewhere = scope.DescendantNodes().OfType<IdentifierNameSyntax>().Any(other =>
                        other.Identifier.ValueText == local.Name
                        && !gone.Any(span => span.Contains(other.Span))
                        && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(other, cancellationToken).Symbol, local));
                    var removed = statement.Parent is GlobalStatementSyntax globalStatement ? (SyntaxNode)globalStatement : statement;
                    if (usedElsewhere || !session.Claim(removed))
                    {
                        continue;
                    }

                    session.Editor.RemoveNode(removed, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    gone.Add(removed.Span);
                    pending.Enqueue(initializer);
                }
            }
        }

        /// <summary>No assignment, await or creation other than a thrown exception; calls only to configuration, the environment or strings.</summary>
        private static bool OnlyReads(ExpressionSyntax initializer, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var node in initializer.DescendantNodesAndSelf())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax or AwaitExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }
                        or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }:
                        return false;
                    case BaseObjectCreationExpressionSyntax when node.Parent is not ThrowExpressionSyntax and not ThrowStatementSyntax:
                        return false;
                    case InvocationExpressionSyntax invocation:
                        var method = model.GetSymbolInfo(invocation, cancellationToken).Symbol as IMethodSymbol;
                        var owner = (method?.ReducedFrom ?? method)?.ContainingType;
                        var ns = owner?.ContainingNamespace?.ToDisplayString() ?? string.Empty;
                        if (!(ns.StartsWith("Microsoft.Extensions.Configuration", StringComparison.Ordinal)
                            || owner?.SpecialType == SpecialType.System_String
                            || (ns == "System" && owner?.Name == "Environment")))
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }
    }
}
