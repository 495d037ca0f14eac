using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>Syntax facts that the analyzers hand to the fixes.</summary>
    internal static class SyntaxShapes
    {
        /// <summary>
        /// True when an assignment can be deleted without breaking the code around it: a statement of its own in
        /// a block (not the body of an <c>if</c> without braces), or an object-initializer member.
        /// </summary>
        public static bool IsDeletableAssignment(SyntaxNode assignment) =>
            (assignment.Parent is ExpressionStatementSyntax statement && statement.Parent is BlockSyntax or SwitchSectionSyntax or GlobalStatementSyntax)
            || (assignment.Parent is InitializerExpressionSyntax initializer && initializer.IsKind(SyntaxKind.ObjectInitializerExpression));
    }
}
