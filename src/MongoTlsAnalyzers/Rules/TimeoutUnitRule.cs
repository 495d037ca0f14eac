using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Timeouts;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA008: a likely unit mix-up in a driver timeout: <c>TimeSpan.FromSeconds(n)</c> with n ≥ 1000, a bare
    /// number ≥ 1000 under a seconds-form URI key (<c>connectTimeout=30000</c> is 8 h 20 min), or
    /// <c>new TimeSpan(ticks)</c> under one second. The message shows the real duration. Runs in test projects.
    /// </summary>
    internal sealed class TimeoutUnitRule : MongoRule
    {
        private const double MaxTicksUnderOneSecond = 9_999_999;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.SuspiciousTimeoutUnit, RuleDescriptors.TimeoutFromSeconds, RuleDescriptors.TimeoutTicks);

        public override bool ReadsConfigurationFiles => true;

        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                if (TimeoutPolicy.IsUnitMixUp(option, out var value) && option.Known is { } known)
                {
                    found.Report(RuleDescriptors.SuspiciousTimeoutUnit, option.Span, option.Name, option.RawValue, DurationText.Format(value), known.Name + "MS");
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);
            session.RegisterOperationAction(context => AnalyzeAssignment(context, session), session.Types.MemberUseGate, OperationKind.SimpleAssignment);
        }

        private static void AnalyzeUri(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site is null || UriRejections.IsRejected(site, context.Operation, session.Model))
            {
                return;
            }

            foreach (var option in site.Uri.Options)
            {
                if (!TimeoutPolicy.IsUnitMixUp(option, out var value) || option.Known is not { } known)
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null)
                {
                    continue;
                }

                var millisecondsName = known.Name + "MS";
                var properties = new FixFacts { Setting = SettingForm.UriOption, ReplaceEdit = located.ReplaceEdit(option.NameSpan, millisecondsName), PieceSpan = located.PieceSpan }.ToProperties();
                session.Report(context, Diagnostic.Create(RuleDescriptors.SuspiciousTimeoutUnit, located.Location, properties, option.Name, option.RawValue, DurationText.Format(value), millisecondsName));
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            var timeout = TimeoutPolicy.ForProperty(property.Property, session.Types);
            if (timeout == DriverTimeout.None)
            {
                return;
            }

            var value = assignment.Value;
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (!session.Model.Timeouts.TryFold(value, context.CancellationToken, out var folded))
            {
                return;
            }

            DiagnosticDescriptor descriptor;
            if (folded.Form == TimeoutForm.FromSeconds && TimeoutPolicy.IsSecondsMixUp(timeout, folded.Argument))
            {
                descriptor = RuleDescriptors.TimeoutFromSeconds;
            }
            else if (folded.Form == TimeoutForm.TicksConstructor && folded.Argument >= 1 && folded.Argument <= MaxTicksUnderOneSecond)
            {
                descriptor = RuleDescriptors.TimeoutTicks;
            }
            else
            {
                return;
            }

            // The fix rewrites the call or creation itself; a value read through a variable is reported, not rewritten.
            var properties = new FixFacts
            {
                ConvertibleInPlace = SyntaxShapes.IsTimeSpanWrittenInPlace(value.Syntax),
            }.ToProperties();
            session.Report(context, Diagnostic.Create(descriptor, value.Syntax.GetLocation(), properties, folded.Argument.ToString(CultureInfo.InvariantCulture), DurationText.Format(folded.Value)));
        }
    }
}
