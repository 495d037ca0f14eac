using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Guards
{
    /// <summary>
    /// Code that only a Debug build compiles or runs: the active branch of <c>#if DEBUG</c> (or the <c>#else</c> of
    /// <c>#if !DEBUG</c>) and methods marked <c>[Conditional("DEBUG")]</c>. Both count as Development guards unless
    /// <c>mongo_tls.debug_is_development = false</c> (docs/architecture.md "Development guards").
    /// </summary>
    internal sealed class DebugCode
    {
        private readonly ConcurrentDictionary<SyntaxTree, ImmutableArray<(int Start, int End)>> _debugRegions =
            new ConcurrentDictionary<SyntaxTree, ImmutableArray<(int, int)>>();

        /// <summary>True when <paramref name="operation"/> stands in a DEBUG region or a <c>[Conditional("DEBUG")]</c> method.</summary>
        public bool Contains(IOperation operation) => IsInDebugRegion(operation.Syntax) || IsInConditionalDebugMethod(operation);

        private static bool IsInConditionalDebugMethod(IOperation operation)
        {
            for (var node = operation.Syntax; node is not null; node = node.Parent)
            {
                if (node is MethodDeclarationSyntax method)
                {
                    foreach (var list in method.AttributeLists)
                    {
                        foreach (var attribute in list.Attributes)
                        {
                            var name = attribute.Name.ToString();
                            if ((name.EndsWith("Conditional", StringComparison.Ordinal) || name.EndsWith("ConditionalAttribute", StringComparison.Ordinal))
                                && attribute.ArgumentList?.Arguments.Count == 1
                                && attribute.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: "DEBUG" })
                            {
                                return true;
                            }
                        }
                    }

                    return false;
                }
            }

            return false;
        }

        /// <summary>True inside the active branch of <c>#if DEBUG</c> (or the <c>#else</c> of <c>#if !DEBUG</c>).</summary>
        private bool IsInDebugRegion(SyntaxNode node)
        {
            var regions = _debugRegions.GetOrAdd(node.SyntaxTree, ComputeDebugRegions);
            var position = node.SpanStart;
            foreach (var (start, end) in regions)
            {
                if (position >= start && position < end)
                {
                    return true;
                }
            }

            return false;
        }

        private static ImmutableArray<(int Start, int End)> ComputeDebugRegions(SyntaxTree tree)
        {
            var root = tree.GetRoot();
            if (!root.ContainsDirectives)
            {
                return ImmutableArray<(int, int)>.Empty;
            }

            var regions = ImmutableArray.CreateBuilder<(int, int)>();
            // Each open #if: whether its current branch means DEBUG, and where that branch started.
            var stack = new Stack<(bool DebugBranch, int Start, bool IfMeaning)>();
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (!trivia.HasStructure)
                {
                    continue;
                }

                switch (trivia.GetStructure())
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        var meaning = DebugMeaning(ifDirective.Condition);
                        stack.Push((meaning == GuardMeaning.Development, ifDirective.FullSpan.End, meaning == GuardMeaning.NotDevelopment));
                        break;
                    case ElifDirectiveTriviaSyntax elif when stack.Count > 0:
                        var open = stack.Pop();
                        if (open.DebugBranch)
                        {
                            regions.Add((open.Start, elif.FullSpan.Start));
                        }

                        stack.Push((DebugMeaning(elif.Condition) == GuardMeaning.Development, elif.FullSpan.End, false));
                        break;
                    case ElseDirectiveTriviaSyntax elseDirective when stack.Count > 0:
                        var branch = stack.Pop();
                        if (branch.DebugBranch)
                        {
                            regions.Add((branch.Start, elseDirective.FullSpan.Start));
                        }

                        // #if !DEBUG ... #else: the else-branch is DEBUG.
                        stack.Push((branch.IfMeaning, elseDirective.FullSpan.End, false));
                        break;
                    case EndIfDirectiveTriviaSyntax endIf when stack.Count > 0:
                        var last = stack.Pop();
                        if (last.DebugBranch)
                        {
                            regions.Add((last.Start, endIf.FullSpan.Start));
                        }

                        break;
                }
            }

            return regions.ToImmutable();
        }

        private static GuardMeaning DebugMeaning(ExpressionSyntax condition)
        {
            switch (condition)
            {
                case IdentifierNameSyntax { Identifier.ValueText: "DEBUG" }:
                    return GuardMeaning.Development;
                case PrefixUnaryExpressionSyntax prefix when prefix.IsKind(SyntaxKind.LogicalNotExpression):
                    return DevelopmentGuards.Invert(DebugMeaning(prefix.Operand));
                case ParenthesizedExpressionSyntax parenthesized:
                    return DebugMeaning(parenthesized.Expression);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression):
                    return DebugMeaning(binary.Left) == GuardMeaning.Development || DebugMeaning(binary.Right) == GuardMeaning.Development
                        ? GuardMeaning.Development
                        : GuardMeaning.None;
                default:
                    return GuardMeaning.None;
            }
        }
    }
}
