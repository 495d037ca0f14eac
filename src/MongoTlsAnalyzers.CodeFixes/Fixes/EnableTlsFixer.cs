using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA009: "Enable TLS": <c>tls=false</c> becomes <c>tls=true</c>, <c>UseTls = false</c> becomes <c>true</c>, a
    /// URI without TLS gets <c>tls=true</c> in front of its TLS-only option, and a settings object gets
    /// <c>UseTls = true</c> before its TLS-only setting.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableTlsFixer))]
    [Shared]
    public sealed class EnableTlsFixer : MongoCodeFixProvider
    {
        public const string EnableKey = "MTA.EnableTls";

        private static readonly DiagnosticEdits.EditRegistrar ReplaceInUri = LiteralEditRegistrar.For(facts => facts.ReplaceEdit);
        private static readonly DiagnosticEdits.EditRegistrar InsertInUri = LiteralEditRegistrar.For(facts => facts.EnableTlsEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TlsSettingsWithoutTls);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(FixAction.When(EnableKey, "Enable TLS", CanEnable, Enable));

        /// <summary>An edit of the URI, <c>UseTls = false</c> to be turned around, or a settings object that can get <c>UseTls = true</c> first.</summary>
        private static bool CanEnable(FixFacts facts) =>
            facts.EnableTlsEdit is not null
            || facts.ReplaceEdit is not null
            || (facts.ExplicitTlsOff && facts.Setting != SettingForm.UriOption)
            || facts.CanEnableTlsBefore;

        private static bool Enable(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            if (facts.EnableTlsEdit is not null)
            {
                return InsertInUri(session, diagnostic, cancellationToken);
            }

            if (facts.ReplaceEdit is not null)
            {
                return ReplaceInUri(session, diagnostic, cancellationToken);
            }

            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (node is not AssignmentExpressionSyntax assignment)
            {
                return false;
            }

            // UseTls = false / UseSsl = false
            if (facts.ExplicitTlsOff)
            {
                editor.ReplaceNode(assignment.Right, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(assignment.Right));
                return true;
            }

            // A TLS-only setting while TLS is off: turn TLS on just before it.
            switch (assignment.Parent)
            {
                case InitializerExpressionSyntax:
                    if (!session.Claim(assignment))
                    {
                        return false;
                    }

                    editor.InsertBefore(assignment, SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("UseTls"), SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)));
                    return true;

                case ExpressionStatementSyntax statement when assignment.Left is MemberAccessExpressionSyntax access && statement.Parent is BlockSyntax && session.Claim(statement):
                    var useTls = SyntaxFactory.ExpressionStatement(
                            SyntaxFactory.AssignmentExpression(
                                SyntaxKind.SimpleAssignmentExpression,
                                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("UseTls")),
                                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)))
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    editor.InsertBefore(statement, useTls);
                    return true;

                default:
                    return false;
            }
        }
    }
}
