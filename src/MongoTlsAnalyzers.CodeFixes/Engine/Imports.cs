using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>Adds a <c>using</c> directive at the end of an edit, once, when a name does not bind without it.</summary>
    internal static class Imports
    {
        /// <summary>True when <paramref name="probe"/> (an expression text) binds to a method at <paramref name="position"/>.</summary>
        public static bool Binds(SemanticModel model, int position, string probe)
        {
            var expression = SyntaxFactory.ParseExpression(probe);
            return model.GetSpeculativeSymbolInfo(position, expression, SpeculativeBindingOption.BindAsExpression).Symbol is IMethodSymbol;
        }

        public static SyntaxNode AddUsing(SyntaxNode root, string namespaceName)
        {
            if (root is not CompilationUnitSyntax unit)
            {
                return root;
            }

            foreach (var existing in unit.Usings)
            {
                if (existing.Name?.ToString() == namespaceName && existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None))
                {
                    return root;
                }
            }

            return unit.AddUsings(SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(namespaceName)).WithAdditionalAnnotations(Formatter.Annotation));
        }
    }
}
