using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
    /// MTA009. "Enable TLS and remove the insecure setting" (first: TLS on, validation kept): <c>tlsInsecure=true</c>
    /// becomes <c>tls=true</c>, <c>AllowInsecureTls = true</c> becomes <c>UseTls = true</c>. "Enable TLS":
    /// <c>tls=false</c> becomes <c>tls=true</c>, <c>UseTls = false</c> becomes <c>true</c>, a URI without TLS gets
    /// <c>tls=true</c> in front of its TLS-only option, and a settings object gets <c>UseTls = true</c> (first in its
    /// initializer, or as a statement before the setting); a <c>UseTls = false</c> or <c>tls=false</c> already there is turned around instead of a
    /// second one being written. "Remove tls=false" on <c>mongodb+srv</c>, which turns TLS on by itself.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EnableTlsFixer))]
    [Shared]
    public sealed class EnableTlsFixer : MongoCodeFixProvider
    {
        public const string EnableKey = "MTA.EnableTls";
        public const string EnableAndRemoveKey = "MTA.EnableTlsAndRemoveInsecureSetting";
        public const string RemoveTlsOffKey = "MTA.RemoveTlsOff";

        private static readonly DiagnosticEdits.EditRegistrar ReplaceInUri = LiteralEditRegistrar.For(facts => facts.ReplaceEdit);
        private static readonly DiagnosticEdits.EditRegistrar InsertInUri = LiteralEditRegistrar.For(facts => facts.EnableTlsEdit);
        private static readonly DiagnosticEdits.EditRegistrar EnableAndRemoveInUri = LiteralEditRegistrar.For(facts => facts.EnableTlsAndRemoveEdit);
        private static readonly DiagnosticEdits.EditRegistrar RemoveFromUri = LiteralEditRegistrar.For(facts => facts.RemoveEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TlsSettingsWithoutTls);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            FixAction.When(EnableAndRemoveKey, "Enable TLS and remove the insecure setting", CanEnableAndRemove, EnableAndRemove),
            FixAction.When(EnableKey, "Enable TLS", CanEnable, Enable),
            FixAction.When(RemoveTlsOffKey, "Remove tls=false (mongodb+srv turns TLS on)", facts => facts is { ExplicitTlsOff: true, Setting: SettingForm.UriOption, RemoveEdit: not null }, RemoveFromUri));

        /// <summary>An edit of the URI, <c>UseTls = false</c> to be turned around, or a settings object that can get <c>UseTls = true</c> first.</summary>
        private static bool CanEnable(FixFacts facts) =>
            facts.EnableTlsEdit is not null
            || facts.ReplaceEdit is not null
            || (facts.ExplicitTlsOff && facts.Setting != SettingForm.UriOption)
            || facts.CanEnableTlsBefore
            || facts.EnableTlsOnEnclosingSettings;

        /// <summary>A URI option with its one edit, or an insecure switch on a settings object that has <c>UseTls</c>.</summary>
        private static bool CanEnableAndRemove(FixFacts facts) =>
            facts.EnableTlsAndRemoveEdit is not null
            || (facts is { ExplicitTlsOff: false, CanEnableTlsBefore: true, EnableTlsOnEnclosingSettings: false } && facts.Setting is SettingForm.Statement or SettingForm.InitializerMember);

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

            // A callback in SslSettings = new SslSettings { ... }: TLS goes on where SslSettings is set.
            var assignment = facts.EnableTlsOnEnclosingSettings ? SslSettingsAround(session, diagnostic) : FlaggedAssignment(session, diagnostic);
            if (assignment is null)
            {
                return false;
            }

            // UseTls = false / UseSsl = false
            if (facts.ExplicitTlsOff)
            {
                TurnOn(session, assignment);
                return true;
            }

            // A TLS-only setting while TLS is off: turn the object's own UseTls = false around, or turn TLS on just before it.
            switch (assignment.Parent)
            {
                case InitializerExpressionSyntax initializer:
                    if (TlsSwitchIn(initializer) is { } existing)
                    {
                        TurnOn(session, existing);
                        return true;
                    }

                    // One UseTls per initializer, however many of its members are flagged (CS1912), and always first, so
                    // that one fix and Fix All write the same code whichever member they start from.
                    if (session.Claim(initializer))
                    {
                        session.Editor.InsertBefore(initializer.Expressions[0], UseTlsMember());
                    }

                    return true;

                case ExpressionStatementSyntax statement when assignment.Left is MemberAccessExpressionSyntax access && statement.Parent is BlockSyntax block:
                    if (EarlierTlsSwitch(block, statement, access.Expression) is { } earlier)
                    {
                        TurnOn(session, earlier);
                        return true;
                    }

                    if (!session.Claim(statement))
                    {
                        return false;
                    }

                    session.Editor.InsertBefore(statement, UseTlsStatement(access.Expression));
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>Turns TLS on where the setting stands (or turns the object's <c>UseTls = false</c> around) and removes the setting.</summary>
        private static bool EnableAndRemove(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FixFacts.Of(diagnostic).EnableTlsAndRemoveEdit is not null)
            {
                return EnableAndRemoveInUri(session, diagnostic, cancellationToken);
            }

            if (FlaggedAssignment(session, diagnostic) is not { } assignment)
            {
                return false;
            }

            var editor = session.Editor;
            switch (assignment.Parent)
            {
                case InitializerExpressionSyntax initializer when session.Claim(assignment):
                    if (TlsSwitchIn(initializer) is { } existing)
                    {
                        TurnOn(session, existing);
                        editor.RemoveNode(assignment, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    }
                    else if (session.Claim(initializer))
                    {
                        editor.ReplaceNode(assignment, UseTlsMember().WithTriviaFrom(assignment));
                    }
                    else
                    {
                        // Another flagged member of this initializer already became UseTls = true.
                        editor.RemoveNode(assignment, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    }

                    return true;

                case ExpressionStatementSyntax statement when assignment.Left is MemberAccessExpressionSyntax access && statement.Parent is BlockSyntax block && session.Claim(statement):
                    if (EarlierTlsSwitch(block, statement, access.Expression) is { } earlier)
                    {
                        TurnOn(session, earlier);
                        editor.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                    }
                    else
                    {
                        editor.ReplaceNode(statement, UseTlsStatement(access.Expression).WithTriviaFrom(statement));
                    }

                    return true;

                default:
                    return false;
            }
        }

        private static AssignmentExpressionSyntax? FlaggedAssignment(EditSession session, Diagnostic diagnostic) =>
            session.Editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as AssignmentExpressionSyntax;

        /// <summary>The <c>SslSettings = ...</c> write that holds the flagged callback.</summary>
        private static AssignmentExpressionSyntax? SslSettingsAround(EditSession session, Diagnostic diagnostic) =>
            session.Editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .Ancestors()
                .OfType<AssignmentExpressionSyntax>()
                .FirstOrDefault(a => a.Left switch
                {
                    IdentifierNameSyntax name => name.Identifier.ValueText == "SslSettings",
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText == "SslSettings",
                    _ => false,
                });

        /// <summary>Makes the value of a <c>UseTls</c>/<c>UseSsl</c> write <c>true</c>, once however many diagnostics ask.</summary>
        private static void TurnOn(EditSession session, AssignmentExpressionSyntax tlsSwitch)
        {
            if (session.Claim(tlsSwitch.Right))
            {
                session.Editor.ReplaceNode(tlsSwitch.Right, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(tlsSwitch.Right));
            }
        }

        private static bool IsTlsSwitch(SimpleNameSyntax name) => name.Identifier.ValueText is "UseTls" or "UseSsl";

        /// <summary>The <c>UseTls = ...</c> (or <c>UseSsl</c>) member of an object initializer.</summary>
        private static AssignmentExpressionSyntax? TlsSwitchIn(InitializerExpressionSyntax initializer) =>
            initializer.Expressions.OfType<AssignmentExpressionSyntax>().FirstOrDefault(a => a.Left is IdentifierNameSyntax name && IsTlsSwitch(name));

        /// <summary>The last <c>settings.UseTls = ...;</c> on the same object before <paramref name="statement"/> in its block.</summary>
        private static AssignmentExpressionSyntax? EarlierTlsSwitch(BlockSyntax block, StatementSyntax statement, ExpressionSyntax instance)
        {
            AssignmentExpressionSyntax? found = null;
            var text = instance.WithoutTrivia().ToString();
            foreach (var earlier in block.Statements)
            {
                if (earlier == statement)
                {
                    break;
                }

                if (earlier is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax access } assignment }
                    && IsTlsSwitch(access.Name)
                    && access.Expression.WithoutTrivia().ToString() == text)
                {
                    found = assignment;
                }
            }

            return found;
        }

        private static AssignmentExpressionSyntax UseTlsMember() =>
            SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName("UseTls"), SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));

        private static StatementSyntax UseTlsStatement(ExpressionSyntax instance) =>
            SyntaxFactory.ExpressionStatement(
                    SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, instance.WithoutTrivia(), SyntaxFactory.IdentifierName("UseTls")),
                        SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)))
                .WithAdditionalAnnotations(Formatter.Annotation);
    }
}
