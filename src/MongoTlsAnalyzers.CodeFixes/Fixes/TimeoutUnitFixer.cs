using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA008: "Convert unit": <c>TimeSpan.FromSeconds(n)</c> and <c>new TimeSpan(n)</c> become
    /// <c>TimeSpan.FromMilliseconds(n)</c>; <c>connectTimeout=n</c> becomes <c>connectTimeoutMS=n</c>.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimeoutUnitFixer))]
    [Shared]
    public sealed class TimeoutUnitFixer : MongoCodeFixProvider
    {
        public const string ConvertKey = "MTA.ConvertTimeoutUnit";

        private static readonly DiagnosticEdits.EditRegistrar ConvertInUri = LiteralEditRegistrar.For(facts => facts.ReplaceEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.SuspiciousTimeoutUnit);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            FixAction.When(ConvertKey, "Convert unit: read the number as milliseconds", facts => facts.ReplaceEdit is not null || facts.ConvertibleInPlace, Convert));

        private static bool Convert(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FixFacts.Of(diagnostic).ReplaceEdit is not null)
            {
                return ConvertInUri(session, diagnostic, cancellationToken);
            }

            var node = session.Editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            switch (node)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromSeconds" } access }:
                    session.Editor.ReplaceNode(access.Name, SyntaxFactory.IdentifierName("FromMilliseconds").WithTriviaFrom(access.Name));
                    return true;

                case ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation:
                    var replacement = SyntaxFactory.InvocationExpression(
                            SyntaxFactory.ParseExpression("global::System.TimeSpan.FromMilliseconds").WithAdditionalAnnotations(Simplifier.Annotation),
                            creation.ArgumentList!)
                        .WithTriviaFrom(creation)
                        .WithAdditionalAnnotations(Formatter.Annotation);
                    session.Editor.ReplaceNode(creation, replacement);
                    return true;

                default:
                    return false;
            }
        }
    }
}
