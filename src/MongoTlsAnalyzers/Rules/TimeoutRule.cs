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
    /// MTA007: a driver timeout below its floor, a connect timeout of 0 (an immediate timeout in .NET), or a
    /// negative timeout; on MongoClientSettings, MongoUrlBuilder and MongoDefaults properties and in URI options.
    /// Floors come from .editorconfig. Silent in test projects by default.
    /// </summary>
    internal sealed class TimeoutRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.TimeoutTooShortOrInvalid, RuleDescriptors.TimeoutImmediateConnect, RuleDescriptors.TimeoutNegative);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>The same verdict as for a URI in code, with the floors of the .editorconfig sections matching the file.</summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                var problem = TimeoutPolicy.EvaluateOption(option, found.Options.Floors, out var known, out var value, out var floor);
                if (problem != TimeoutProblem.None && known is not null)
                {
                    var descriptor = Wording("The option " + option.Name, known.Timeout, problem, value, floor, out var arguments);
                    found.Report(descriptor, option.Span, arguments);
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds);
            session.RegisterOperationAction(context => AnalyzeAssignment(context, session), OperationKind.SimpleAssignment);
        }

        private static void AnalyzeUri(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            var tree = context.Operation.Syntax.SyntaxTree;
            if (site is null || UriRejections.IsRejected(site, context.Operation, session.Model))
            {
                return;
            }

            var floors = session.GetOptions(tree).Floors;
            foreach (var option in site.Uri.Options)
            {
                var problem = TimeoutPolicy.EvaluateOption(option, floors, out var known, out var value, out var floor);
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
                    ReplaceEdit = problem == TimeoutProblem.BelowFloor ? located.ReplaceEdit(option.ValueSpan, UriValue(floor, known.IsMillisecondsForm)) : null,
                    PieceSpan = located.PieceSpan,
                };
                var properties = UriSink.With(facts, site, located.Piece.ReportNode, context.Operation, session.Types).ToProperties();

                session.Report(context.ReportDiagnostic, Create(located.Location, properties, subject, known.Timeout, problem, value, floor));
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

            // A tick count under one second is a unit mix-up: MTA008 alone reports it.
            if (folded.Form == TimeoutForm.TicksConstructor && folded.Argument >= 1 && folded.Argument <= 9_999_999)
            {
                return;
            }

            var floors = session.GetOptions(assignment.Syntax.SyntaxTree).Floors;
            var problem = TimeoutPolicy.Evaluate(timeout, folded.Value, floors, out var floor);
            if (problem == TimeoutProblem.None)
            {
                return;
            }

            var owner = property.Property.IsStatic ? property.Property.ContainingType.Name + "." : string.Empty;
            var properties = new FixFacts
            {
                Setting = SyntaxShapes.FormOf(assignment.Syntax),
                FloorTicks = problem == TimeoutProblem.BelowFloor ? floor.Ticks : null,
                Sink = SettingsOrigin.Of(assignment, session.Types, out var sinkSpan, context.CancellationToken),
                SinkSpan = sinkSpan,
            }.ToProperties();

            session.Report(
                context.ReportDiagnostic,
                Create(assignment.Syntax.GetLocation(), properties, owner + property.Property.Name, timeout, problem, folded.Value, floor));
        }

        private static Diagnostic Create(Location location, ImmutableDictionary<string, string?> properties, string subject, DriverTimeout timeout, TimeoutProblem problem, TimeSpan value, TimeSpan floor)
        {
            var descriptor = Wording(subject, timeout, problem, value, floor, out var arguments);
            return Diagnostic.Create(descriptor, location, properties, arguments);
        }

        /// <summary>The sentence for a problem and its values, the same in code and in configuration files.</summary>
        private static DiagnosticDescriptor Wording(string subject, DriverTimeout timeout, TimeoutProblem problem, TimeSpan value, TimeSpan floor, out object[] arguments)
        {
            switch (problem)
            {
                case TimeoutProblem.ImmediateConnect:
                    arguments = new object[] { subject, TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutImmediateConnect;
                case TimeoutProblem.Negative:
                    arguments = new object[] { subject, DurationText.Format(value), TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutNegative;
                default:
                    arguments = new object[] { subject, DurationText.Format(value), DurationText.Format(floor), TimeoutPolicy.Reason(timeout), TimeoutPolicy.Default(timeout) };
                    return RuleDescriptors.TimeoutTooShortOrInvalid;
            }
        }

        /// <summary>The floor written as a URI option value: milliseconds for MS names, else seconds (or ms).</summary>
        private static string UriValue(TimeSpan floor, bool millisecondsForm)
        {
            if (millisecondsForm)
            {
                return ((long)Math.Ceiling(floor.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
            }

            return floor.Ticks % TimeSpan.TicksPerSecond == 0
                ? ((long)floor.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                : ((long)Math.Ceiling(floor.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + "ms";
        }
    }
}
