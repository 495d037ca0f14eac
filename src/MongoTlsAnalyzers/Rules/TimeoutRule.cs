using System;
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
    /// MTA007: a driver timeout below its floor or above its ceiling, a connect timeout of 0 (an immediate timeout in
    /// .NET), or a negative timeout; on MongoClientSettings, MongoUrlBuilder and MongoDefaults properties and in URI
    /// options. Floors and ceilings come from .editorconfig; a unit mix-up is MTA008's alone. Silent in test projects
    /// by default.
    /// </summary>
    internal sealed class TimeoutRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.TimeoutTooShortOrInvalid, RuleDescriptors.TimeoutImmediateConnect, RuleDescriptors.TimeoutNegative, RuleDescriptors.TimeoutAboveCeiling);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>The same verdict as for a URI in code, with the floors and ceilings of the .editorconfig sections matching the file.</summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                var problem = TimeoutPolicy.EvaluateOption(option, found.Options, out var known, out var value, out var limit);
                if (problem != TimeoutProblem.None && known is not null)
                {
                    var descriptor = Wording("The option " + option.Name, known.Timeout, problem, value, limit, out var arguments);
                    found.Report(descriptor, option.Span, arguments);
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
            var tree = context.Operation.Syntax.SyntaxTree;
            if (site is null || UriRejections.IsRejected(site, context.Operation, session.Model))
            {
                return;
            }

            var options = session.GetOptions(tree);
            foreach (var option in site.Uri.Options)
            {
                var problem = TimeoutPolicy.EvaluateOption(option, options, out var known, out var value, out var limit);
                if (problem == TimeoutProblem.None || known is null)
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null)
                {
                    continue;
                }

                var subject = "The option " + option.Name;
                var facts = new FixFacts
                {
                    Setting = SettingForm.UriOption,
                    RemoveEdit = located.RemoveEdit(),
                    ReplaceEdit = problem is TimeoutProblem.BelowFloor or TimeoutProblem.AboveCeiling ? located.ReplaceEdit(option.ValueSpan, UriValue(limit, known.IsMillisecondsForm, problem == TimeoutProblem.AboveCeiling)) : null,
                    FloorTicks = problem == TimeoutProblem.BelowFloor ? limit.Ticks : null,
                    CeilingTicks = problem == TimeoutProblem.AboveCeiling ? limit.Ticks : null,
                    PieceSpan = located.PieceSpan,
                };
                var properties = SettingsOwnership.Of(UriSink.With(facts, site, located.Piece.ReportNode, context.Operation, session.Types), context.Operation.SemanticModel, session.Types, context.CancellationToken).ToProperties();

                session.Report(context, Create(located.Location, properties, subject, known.Timeout, problem, value, limit));
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

            if (!session.Model.Timeouts.TryFold(assignment.Value, context.CancellationToken, out var folded))
            {
                return;
            }

            // A tick count under one second, or FromSeconds(n) with n of 1000 and more, is a unit mix-up: MTA008 alone reports it.
            if ((folded.Form == TimeoutForm.TicksConstructor && folded.Argument >= 1 && folded.Argument <= 9_999_999)
                || (folded.Form == TimeoutForm.FromSeconds && TimeoutPolicy.IsSecondsMixUp(timeout, folded.Argument)))
            {
                return;
            }

            var options = session.GetOptions(assignment.Syntax.SyntaxTree);
            var problem = TimeoutPolicy.Evaluate(timeout, folded.Value, options, out var limit);
            if (problem == TimeoutProblem.None)
            {
                return;
            }

            var owner = property.Property.IsStatic ? property.Property.ContainingType.Name + "." : string.Empty;
            var properties = new FixFacts
            {
                Setting = SyntaxShapes.FormOf(assignment.Syntax),
                FloorTicks = problem == TimeoutProblem.BelowFloor ? limit.Ticks : null,
                CeilingTicks = problem == TimeoutProblem.AboveCeiling ? limit.Ticks : null,
                Sink = SettingsOrigin.Of(assignment, session.Types, out var sinkSpan, out var usedLater, context.CancellationToken),
                SinkSpan = sinkSpan,
                SettingsUsedLater = usedLater,
            }.ToProperties();

            session.Report(
                context,
                Create(assignment.Syntax.GetLocation(), properties, owner + property.Property.Name, timeout, problem, folded.Value, limit));
        }

        private static Diagnostic Create(Location location, ImmutableDictionary<string, string?> properties, string subject, DriverTimeout timeout, TimeoutProblem problem, TimeSpan value, TimeSpan limit)
        {
            var descriptor = Wording(subject, timeout, problem, value, limit, out var arguments);
            return Diagnostic.Create(descriptor, location, properties, arguments);
        }

        /// <summary>The sentence for a problem and its values, the same in code and in configuration files.</summary>
        private static DiagnosticDescriptor Wording(string subject, DriverTimeout timeout, TimeoutProblem problem, TimeSpan value, TimeSpan limit, out object[] arguments)
        {
            switch (problem)
            {
                case TimeoutProblem.AboveCeiling:
                    arguments = new object[] { subject, DurationText.Format(value), DurationText.Format(limit), TimeoutPolicy.CeilingReason(timeout, value), TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutAboveCeiling;
                case TimeoutProblem.ImmediateConnect:
                    arguments = new object[] { subject, TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutImmediateConnect;
                case TimeoutProblem.Negative:
                    arguments = new object[] { subject, DurationText.Format(value), TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutNegative;
                default:
                    arguments = new object[] { subject, DurationText.Format(value), DurationText.Format(limit), TimeoutPolicy.Reason(timeout), TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutTooShortOrInvalid;
            }
        }

        /// <summary>
        /// The floor or ceiling written as a URI option value: milliseconds for MS names, else seconds (or ms). A limit
        /// that is not whole milliseconds is rounded into the allowed side: a floor up, a ceiling down.
        /// </summary>
        private static string UriValue(TimeSpan limit, bool millisecondsForm, bool isCeiling)
        {
            var milliseconds = (long)(isCeiling ? Math.Floor(limit.TotalMilliseconds) : Math.Ceiling(limit.TotalMilliseconds));
            if (millisecondsForm)
            {
                return milliseconds.ToString(CultureInfo.InvariantCulture);
            }

            return limit.Ticks % TimeSpan.TicksPerSecond == 0
                ? ((long)limit.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                : milliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }
    }
}
