using System;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
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
    /// MTA007: "Raise to the recommended minimum" (below a floor), "Lower to the recommended maximum" (above a
    /// ceiling) and "Remove, to use the driver default", for property assignments and for URI options.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TimeoutFixer))]
    [Shared]
    public sealed class TimeoutFixer : MongoCodeFixProvider
    {
        public const string RaiseKey = "MTA.RaiseTimeout";
        public const string LowerKey = "MTA.LowerTimeout";
        public const string RemoveKey = "MTA.RemoveTimeout";

        private static readonly DiagnosticEdits.EditRegistrar ReplaceInUri = LiteralEditRegistrar.For(facts => facts.ReplaceEdit);
        private static readonly DiagnosticEdits.EditRegistrar RemoveFromUri = LiteralEditRegistrar.For(facts => facts.RemoveEdit);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.TimeoutTooShortOrInvalid);

        /// <summary>
        /// The first offered action is what Fix All and <c>dotnet format</c> apply without a choice (docs/rules/MTA007.md
        /// "Fix All"): for a value below its floor, which was meant to be shorter than the default, raising keeps that
        /// intent; for a value above its ceiling, removing it brings back the driver's 30 s default, safer than the
        /// longest acceptable wait. The two Remove rows share one key and one edit; at most one is offered.
        /// </summary>
        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            FixAction.When(RemoveKey, "Remove, to use the driver default", facts => facts.CeilingTicks is not null && IsRemovable(facts), Remove),
            FixAction.When(RaiseKey, "Raise to the recommended minimum", facts => facts.FloorTicks is not null && CanReplace(facts), (session, diagnostic, token) => SetTo(session, diagnostic, FixFacts.Of(diagnostic).FloorTicks, token)),
            FixAction.When(LowerKey, "Lower to the recommended maximum", facts => facts.CeilingTicks is not null && CanReplace(facts), (session, diagnostic, token) => SetTo(session, diagnostic, FixFacts.Of(diagnostic).CeilingTicks, token)),
            FixAction.When(RemoveKey, "Remove, to use the driver default", facts => facts.CeilingTicks is null && IsRemovable(facts), Remove));

        private static bool IsRemovable(FixFacts facts) => facts.RemoveEdit is not null || IsDeletable(facts);

        private static bool IsDeletable(FixFacts facts) => facts.Setting is SettingForm.Statement or SettingForm.InitializerMember;

        /// <summary>A URI option's value is replaced by the literal edit the analyzer recorded; a property's by a <c>TimeSpan</c> expression.</summary>
        private static bool CanReplace(FixFacts facts) => facts.Setting != SettingForm.UriOption || facts.ReplaceEdit is not null;

        /// <summary>Sets the flagged timeout to the floor or ceiling in <paramref name="ticks"/>.</summary>
        private static bool SetTo(EditSession session, Diagnostic diagnostic, long? ticks, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            if (facts.Setting == SettingForm.UriOption)
            {
                return facts.ReplaceEdit is not null && ReplaceInUri(session, diagnostic, cancellationToken);
            }

            if (ticks is not { } limit || FindAssignment(session.Editor.OriginalRoot, diagnostic) is not { } assignment)
            {
                return false;
            }

            var value = DurationExpression(TimeSpan.FromTicks(limit)).WithTriviaFrom(assignment.Right);
            session.Editor.ReplaceNode(assignment.Right, value);
            return true;
        }

        private static bool Remove(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            if (facts.RemoveEdit is not null)
            {
                return RemoveFromUri(session, diagnostic, cancellationToken);
            }

            if (!IsDeletable(facts) || FindAssignment(session.Editor.OriginalRoot, diagnostic) is not { } assignment)
            {
                return false;
            }

            session.Editor.RemoveNode(assignment.Parent is ExpressionStatementSyntax statement ? statement : assignment, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return true;
        }

        private static AssignmentExpressionSyntax? FindAssignment(SyntaxNode root, Diagnostic diagnostic) =>
            root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as AssignmentExpressionSyntax;

        /// <summary>
        /// <c>TimeSpan.FromSeconds(12)</c>, <c>TimeSpan.FromMinutes(2)</c> for whole minutes from one minute up, or
        /// milliseconds when the value is not whole seconds.
        /// </summary>
        internal static ExpressionSyntax DurationExpression(TimeSpan value)
        {
            var wholeMinutes = value.Ticks > 0 && value.Ticks % TimeSpan.TicksPerMinute == 0;
            var wholeSeconds = value.Ticks % TimeSpan.TicksPerSecond == 0;
            var method = wholeMinutes ? "FromMinutes" : wholeSeconds ? "FromSeconds" : "FromMilliseconds";
            var amount = wholeMinutes
                ? ((long)value.TotalMinutes).ToString(CultureInfo.InvariantCulture)
                : wholeSeconds
                ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                : value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture);
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.ParseExpression("global::System.TimeSpan." + method).WithAdditionalAnnotations(Simplifier.Annotation),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.ParseExpression(amount)))))
                .WithAdditionalAnnotations(Formatter.Annotation);
        }
    }
}
