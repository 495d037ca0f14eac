using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>Syntax navigation shared by the fixes.</summary>
    internal static class StringExpressions
    {
        /// <summary>The outermost concatenation or interpolated string that <paramref name="expression"/> is part of.</summary>
        public static ExpressionSyntax Outermost(ExpressionSyntax expression)
        {
            var current = expression;
            while (current.Parent is { } parent)
            {
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax p:
                        current = p;
                        continue;
                    case BinaryExpressionSyntax b when b.IsKind(SyntaxKind.AddExpression):
                        current = b;
                        continue;
                    case BinaryExpressionSyntax c when c.IsKind(SyntaxKind.CoalesceExpression) && c.Right == current && c.Parent is InterpolationSyntax or BinaryExpressionSyntax:
                        current = c;
                        continue;
                    case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }:
                        current = interpolated;
                        continue;
                }

                break;
            }

            return current;
        }

        /// <summary>True when <paramref name="expression"/> is the right side of <c>x ?? expression</c>.</summary>
        public static bool IsCoalesceFallback(ExpressionSyntax expression)
        {
            SyntaxNode current = expression;
            while (current.Parent is ParenthesizedExpressionSyntax p)
            {
                current = p;
            }

            return current.Parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.CoalesceExpression) && binary.Right == current;
        }

        /// <summary>True where C# requires a compile-time constant: const initializers, case labels, attributes, default parameter values.</summary>
        public static bool RequiresConstant(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax:
                    case CaseSwitchLabelSyntax:
                    case ConstantPatternSyntax:
                    case ParameterSyntax:
                        return true;
                    case VariableDeclarationSyntax declaration:
                        return declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                            || declaration.Parent is LocalDeclarationStatementSyntax local && local.IsConst;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }
    }
}
