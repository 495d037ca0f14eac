using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Guards;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// Finds an <c>IConfiguration</c> that code at a position can use (docs/architecture.md "Fixes", tier 2): a local or parameter,
    /// a field or property of the containing type, or <c>builder.Configuration</c> / <c>context.Configuration</c>.
    /// </summary>
    internal static class ConfigurationAccess
    {
        private static readonly string[] ViaProperties = { "Configuration" };

        public static ExpressionSyntax? Find(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            if (model.Compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration") is null)
            {
                return null;
            }

            return ScopeSearch.Find(model, position, type => ScopeSearch.IsOrImplements(type, "IConfiguration"), ViaProperties, cancellationToken);
        }
    }
}
