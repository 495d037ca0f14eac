using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>MTA005: "Remove ignored option", and "Rename to &lt;option&gt;" for a near-miss name.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(IgnoredOptionFixer))]
    [Shared]
    public sealed class IgnoredOptionFixer : MongoCodeFixProvider
    {
        public const string RemoveKey = "MTA.RemoveIgnoredOption";
        public const string RenameKey = "MTA.RenameOption";

        private static readonly DiagnosticEdits.EditRegistrar Remove = LiteralEditRegistrar.For(facts => facts.RemoveEdit);
        private static readonly DiagnosticEdits.EditRegistrar Rename = LiteralEditRegistrar.For(facts => facts.ReplaceEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.IgnoredConnectionStringOption);

        /// <summary>"Rename to ..." first for a near-miss name: the option was meant, so renaming keeps its effect.</summary>
        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            new FixAction(RenameKey, (_, facts, _) => facts is { Suggestion: { } suggestion, ReplaceEdit: not null } ? "Rename to " + suggestion : null, Rename),
            FixAction.When(RemoveKey, "Remove ignored option", facts => facts.RemoveEdit is not null, Remove));

    }
}
