using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.CodeFixes.Support;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>MTA005: "Remove ignored option", and "Rename to &lt;option&gt;" for a near-miss name.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IgnoredOptionFixer))]
    [Shared]
    public sealed class IgnoredOptionFixer : CodeFixProvider
    {
        public const string RemoveKey = "MTA.RemoveIgnoredOption";
        public const string RenameKey = "MTA.RenameOption";

        private static readonly DiagnosticEdits.EditRegistrar Remove = LiteralEditRegistrar.For(DiagnosticProperties.RemoveEdit);
        private static readonly DiagnosticEdits.EditRegistrar Rename = LiteralEditRegistrar.For(DiagnosticProperties.ReplaceEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IgnoredConnectionStringOption);

        public override FixAllProvider GetFixAllProvider() => DiagnosticEdits.FixAll(key => key switch
        {
            RemoveKey => Remove,
            RenameKey => Rename,
            _ => null,
        });

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.Properties.TryGetValue(DiagnosticProperties.Suggestion, out var suggestion) && suggestion is not null)
                {
                    await DiagnosticEdits.RegisterAsync(context, diagnostic, "Rename to " + suggestion, RenameKey, Rename).ConfigureAwait(false);
                }

                await DiagnosticEdits.RegisterAsync(context, diagnostic, "Remove ignored option", RemoveKey, Remove).ConfigureAwait(false);
            }
        }
    }
}
