using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Guards
{
    /// <summary>
    /// The host environment that code at a position can use for a Development guard: an <c>IHostEnvironment</c>,
    /// <c>IWebHostEnvironment</c> or <c>IHostingEnvironment</c>, or <c>builder.Environment</c> and
    /// <c>context.HostingEnvironment</c>. MTA003 and MTA004 look for it when they report, so that "Allow only in
    /// Development" is offered from the diagnostic's facts and writes the guard with what they found.
    /// </summary>
    internal static class EnvironmentInScope
    {
        private static readonly string[] EnvironmentTypes = { "IHostEnvironment", "IWebHostEnvironment", "IHostingEnvironment" };
        private static readonly string[] ViaProperties = { "Environment", "HostingEnvironment" };

        public static ExpressionSyntax? Find(SemanticModel model, int position, CancellationToken cancellationToken) =>
            ScopeSearch.Find(model, position, type => ScopeSearch.IsOrImplements(type, EnvironmentTypes), ViaProperties, cancellationToken);

        /// <summary>The namespace whose <c>IsDevelopment()</c> extension applies to <paramref name="environment"/>'s type.</summary>
        public static string ExtensionNamespace(SemanticModel model, ExpressionSyntax environment, int position)
        {
            var type = model.GetSpeculativeTypeInfo(position, environment, SpeculativeBindingOption.BindAsExpression).Type;
            return type is not null && ScopeSearch.IsOrImplements(type, "IHostEnvironment")
                ? "Microsoft.Extensions.Hosting"
                : "Microsoft.AspNetCore.Hosting";
        }
    }
}
