using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Guards;
using MongoTlsAnalyzers.SettingsFlow;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA003 and MTA004 (and MTA009's TLS-only settings): "Allow only in Development" wraps the setting in
    /// <c>if (env.IsDevelopment())</c>, or makes an initializer value <c>env.IsDevelopment()</c>, when a host
    /// environment is in scope (or joins the condition of the <c>if</c> that gates the setting); "Remove insecure setting"
    /// deletes the assignment (with the <c>if</c> it is the whole body of), the callback argument or the URI option.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureSettingFixer))]
    [Shared]
    public sealed class InsecureSettingFixer : MongoCodeFixProvider
    {
        public const string GuardKey = "MTA.AllowOnlyInDevelopment";
        public const string RemoveKey = "MTA.RemoveInsecureSetting";

        private static readonly DiagnosticEdits.EditRegistrar RemoveFromUri = LiteralEditRegistrar.For(facts => facts.RemoveEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.CertificateValidationDisabled, RuleIds.InsecureTlsFromConfiguration, RuleIds.TlsSettingsWithoutTls);

        /// <summary>MTA009's explicit tls=false / UseTls = false is for the Enable TLS fix only; MTA009 gets no guard.</summary>
        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            new FixAction(GuardKey, (id, facts, _) => id != RuleIds.TlsSettingsWithoutTls && facts is { ExplicitTlsOff: false, Environment: not null } && facts.Guard != GuardForm.None ? "Allow only in Development" : null, Guard),
            FixAction.When(RemoveKey, "Remove insecure setting", facts => !facts.ExplicitTlsOff && IsRemovable(facts), Remove));

        /// <summary>A URI option with its removal, a named callback argument, or an assignment that stands on its own.</summary>
        private static bool IsRemovable(FixFacts facts) =>
            facts.RemoveEdit is not null || facts.Setting is SettingForm.NamedArgument or SettingForm.Statement or SettingForm.InitializerMember or SettingForm.GatedStatement;

        private static bool Guard(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            if (facts.Environment is null)
            {
                return false;
            }

            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var environment = SyntaxFactory.ParseExpression(facts.Environment);

            // An object-initializer member: AllowInsecureTls = true becomes AllowInsecureTls = env.IsDevelopment().
            if (facts.Guard == GuardForm.InitializerValue && node is AssignmentExpressionSyntax member)
            {
                var isDevelopment = IsDevelopment(environment);
                var value = member.Right is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.TrueLiteralExpression)
                    ? isDevelopment
                    : SyntaxFactory.BinaryExpression(
                        SyntaxKind.LogicalAndExpression,
                        isDevelopment,
                        SyntaxFactory.ParenthesizedExpression(member.Right.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation));
                editor.ReplaceNode(member.Right, value.WithTriviaFrom(member.Right).WithAdditionalAnnotations(Formatter.Annotation));
                EnsureImport(session, environment, member.SpanStart);
                return true;
            }

            // if (opts.AllowInsecureTls) settings.AllowInsecureTls = true; becomes if (env.IsDevelopment() && opts.AllowInsecureTls) ...
            if (facts.Guard == GuardForm.JoinCondition)
            {
                if (node.FirstAncestorOrSelf<IfStatementSyntax>() is not { } gate || !session.Claim(gate))
                {
                    return false;
                }

                var joined = SyntaxFactory.BinaryExpression(
                    SyntaxKind.LogicalAndExpression,
                    IsDevelopment(environment),
                    SyntaxFactory.ParenthesizedExpression(gate.Condition.WithoutTrivia()).WithAdditionalAnnotations(Simplifier.Annotation));
                editor.ReplaceNode(gate.Condition, joined.WithTriviaFrom(gate.Condition).WithAdditionalAnnotations(Formatter.Annotation));
                EnsureImport(session, environment, gate.SpanStart);
                return true;
            }

            // The statement that holds the setting; an embedded one (the body of an if without braces) is fine too.
            if (facts.Guard != GuardForm.WrapStatement || node.FirstAncestorOrSelf<StatementSyntax>() is not ExpressionStatementSyntax statement || !session.Claim(statement))
            {
                return false;
            }

            // A trailing comment stays with the statement it describes, inside the block; the line break closes the if.
            var trailing = statement.GetTrailingTrivia();
            var lineBreak = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var comment = lineBreak == default ? trailing : SyntaxFactory.TriviaList(trailing.TakeWhile(t => t != lineBreak));
            var guarded = SyntaxFactory.IfStatement(IsDevelopment(environment), SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithTrailingTrivia(comment)))
                .WithLeadingTrivia(statement.GetLeadingTrivia())
                .WithTrailingTrivia(lineBreak == default ? trailing : SyntaxFactory.TriviaList(trailing.SkipWhile(t => t != lineBreak)))
                .WithAdditionalAnnotations(Formatter.Annotation);
            if (statement.Parent is GlobalStatementSyntax global)
            {
                editor.ReplaceNode(global, SyntaxFactory.GlobalStatement(guarded).WithTriviaFrom(global));
            }
            else
            {
                editor.ReplaceNode(statement, guarded);
            }

            EnsureImport(session, environment, statement.SpanStart);
            return true;
        }

        private static bool Remove(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            if (facts.RemoveEdit is not null)
            {
                return RemoveFromUri(session, diagnostic, cancellationToken);
            }

            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

            // A callback passed to SslStreamSettings.With(serverCertificateValidationCallback: ...): drop the argument.
            if (facts.Setting == SettingForm.NamedArgument)
            {
                // The nearest named argument: the callback may itself be the argument of a delegate creation.
                var argument = node.FirstAncestorOrSelf<ArgumentSyntax>(a => a.NameColon is not null);
                if (argument is null || !session.Claim(argument))
                {
                    return false;
                }

                editor.RemoveNode(argument);
                return true;
            }

            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>(a => a.Parent is ExpressionStatementSyntax || a.Parent is InitializerExpressionSyntax);
            if (assignment is null)
            {
                return false;
            }

            // The body of an if that does nothing else: the whole if goes (its condition has no side effects).
            SyntaxNode? target = assignment.Parent switch
            {
                ExpressionStatementSyntax statement when facts.Setting == SettingForm.GatedStatement => SyntaxShapes.GateOf(statement, braced: true),
                ExpressionStatementSyntax { Parent: IfStatementSyntax or ElseClauseSyntax } => null,
                ExpressionStatementSyntax statement => statement,
                _ => assignment,
            };
            if (target is null || !session.Claim(target))
            {
                return false;
            }

            editor.RemoveNode(target, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return true;
        }

        private static ExpressionSyntax IsDevelopment(ExpressionSyntax environment) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, environment, SyntaxFactory.IdentifierName("IsDevelopment")));

        private static void EnsureImport(EditSession session, ExpressionSyntax environment, int position)
        {
            var model = session.Editor.SemanticModel;
            if (!Imports.Binds(model, position, environment + ".IsDevelopment()"))
            {
                session.AddImport(EnvironmentInScope.ExtensionNamespace(model, environment, position));
            }
        }
    }
}
