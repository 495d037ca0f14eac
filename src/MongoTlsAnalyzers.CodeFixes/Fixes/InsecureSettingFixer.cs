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
using MongoTlsAnalyzers.CodeFixes.CodeBuilders;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA003 and MTA004 (and MTA009's TLS-only settings): "Allow only in Development" wraps the setting in
    /// <c>if (env.IsDevelopment())</c>, or makes an initializer value <c>env.IsDevelopment()</c>, when a host
    /// environment is in scope; "Remove insecure setting" deletes the assignment, the callback argument or
    /// the URI option.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InsecureSettingFixer))]
    [Shared]
    public sealed class InsecureSettingFixer : MongoCodeFixProvider
    {
        public const string GuardKey = "MTA.AllowOnlyInDevelopment";
        public const string RemoveKey = "MTA.RemoveInsecureSetting";

        private static readonly DiagnosticEdits.EditRegistrar RemoveFromUri = LiteralEditRegistrar.For(DiagnosticProperties.RemoveEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleIds.CertificateValidationDisabled, RuleIds.InsecureTlsFromConfiguration, RuleIds.TlsSettingsWithoutTls);

        /// <summary>MTA009's explicit tls=false / UseTls = false is for the Enable TLS fix only; MTA009 gets no guard.</summary>
        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            new FixAction(GuardKey, diagnostic => IsExplicitTlsOff(diagnostic) || diagnostic.Id == RuleIds.TlsSettingsWithoutTls ? null : "Allow only in Development", Guard),
            new FixAction(RemoveKey, diagnostic => IsExplicitTlsOff(diagnostic) ? null : "Remove insecure setting", Remove));

        private static bool IsExplicitTlsOff(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(DiagnosticProperties.ExplicitTlsOff);

        private static bool Guard(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.RemoveEdit) || diagnostic.Properties.ContainsKey(DiagnosticProperties.ReplaceEdit))
            {
                return false;
            }

            // An object-initializer member: AllowInsecureTls = true becomes AllowInsecureTls = env.IsDevelopment().
            if (node is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax, Left: IdentifierNameSyntax { Identifier.ValueText: "AllowInsecureTls" } } member)
            {
                var environment = EnvironmentAccess.Find(editor.SemanticModel, member.SpanStart, cancellationToken);
                if (environment is null)
                {
                    return false;
                }

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

            // The statement that holds the setting; an embedded one (the body of an if without braces) is fine too.
            var statement = node.FirstAncestorOrSelf<StatementSyntax>();
            if (statement is not ExpressionStatementSyntax)
            {
                return false;
            }

            var env = EnvironmentAccess.Find(editor.SemanticModel, statement.SpanStart, cancellationToken);
            if (env is null || !session.Claim(statement))
            {
                return false;
            }

            // A trailing comment stays with the statement it describes, inside the block; the line break closes the if.
            var trailing = statement.GetTrailingTrivia();
            var lineBreak = trailing.LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var comment = lineBreak == default ? trailing : SyntaxFactory.TriviaList(trailing.TakeWhile(t => t != lineBreak));
            var guarded = SyntaxFactory.IfStatement(IsDevelopment(env), SyntaxFactory.Block(statement.WithoutLeadingTrivia().WithTrailingTrivia(comment)))
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

            EnsureImport(session, env, statement.SpanStart);
            return true;
        }

        private static bool Remove(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (diagnostic.Properties.ContainsKey(DiagnosticProperties.RemoveEdit))
            {
                return RemoveFromUri(session, diagnostic, cancellationToken);
            }

            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);

            // A callback passed to SslStreamSettings.With(serverCertificateValidationCallback: ...): drop the argument.
            var argument = node.FirstAncestorOrSelf<ArgumentSyntax>(a => a.NameColon?.Name.Identifier.ValueText == "serverCertificateValidationCallback");
            if (argument is not null && session.Claim(argument))
            {
                editor.RemoveNode(argument);
                return true;
            }

            if (!diagnostic.Properties.ContainsKey(DiagnosticProperties.Removable))
            {
                return false;
            }

            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>(a => a.Parent is ExpressionStatementSyntax || a.Parent is InitializerExpressionSyntax);
            if (assignment is null)
            {
                return false;
            }

            SyntaxNode target = assignment.Parent is ExpressionStatementSyntax statement ? statement : assignment;
            if (!session.Claim(target))
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
                session.AddImport(EnvironmentAccess.ExtensionNamespace(model, environment, position));
            }
        }
    }
}
