using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>MTA010: "Use the system default protocols" — the value becomes <c>SslProtocols.None</c>, which lets the OS choose.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LegacyTlsProtocolsFixer))]
    [Shared]
    public sealed class LegacyTlsProtocolsFixer : MongoCodeFixProvider
    {
        public const string SystemDefaultKey = "MTA.UseSystemDefaultProtocols";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.LegacyTlsProtocols);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(FixAction.Always(SystemDefaultKey, "Use the system default protocols", UseSystemDefault));

        private static bool UseSystemDefault(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var node = session.Editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            ExpressionSyntax? value = node switch
            {
                AssignmentExpressionSyntax assignment => assignment.Right,
                ArgumentSyntax argument => argument.Expression,
                _ => null,
            };

            if (value is null)
            {
                return false;
            }

            var none = SyntaxFactory.ParseExpression("global::System.Security.Authentication.SslProtocols.None")
                .WithAdditionalAnnotations(Simplifier.Annotation)
                .WithTriviaFrom(value);
            session.Editor.ReplaceNode(value, none);
            return true;
        }
    }
}
