using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// A piece of an assembled URI whose only text a fix removed (<c>sb.Append("&amp;tlsInsecure=true")</c>): instead of
    /// leaving <c>sb.Append("")</c>, the call goes, as a statement or as a link of a fluent chain.
    /// </summary>
    internal static class EmptyAppend
    {
        /// <summary>True when it removed the <c>Append</c> call that <paramref name="literal"/>, now empty, is the argument of.</summary>
        public static bool TryRemove(DocumentEditor editor, SyntaxNode literal, SyntaxNode edited)
        {
            if (edited is not LiteralExpressionSyntax { Token.ValueText.Length: 0 }
                || literal.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax invocation } }
                || invocation.Expression is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Append" } access)
            {
                return false;
            }

            switch (invocation.Parent)
            {
                case ExpressionStatementSyntax statement:
                    editor.RemoveNode(statement);
                    return true;
                case MemberAccessExpressionSyntax outer when outer.Expression == invocation:
                    editor.ReplaceNode(invocation, access.Expression.WithTriviaFrom(invocation));
                    return true;
                default:
                    return false;
            }
        }
    }
}
