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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.TimeoutTooShortOrInvalid);

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
            if (site is null || site.Uri.HasDriverErrors)
            {
                return;
            }

            var floors = session.GetOptions(tree).Floors;
            foreach (var option in site.Uri.Options)
            {
                // maxStalenessSeconds has its own rules (-1 means no maximum); it is not a connection timeout.
                if (option.Known is not { Timeout: not DriverTimeout.None and not DriverTimeout.MaxStaleness } known || option.Duration is not TimeSpan value)
                {
                    continue;
                }

                var problem = TimeoutPolicy.Evaluate(known.Timeout, value, floors, out var floor);
                if (problem == TimeoutProblem.None)
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null)
                {
                    continue;
                }

                var subject = "The option " + option.Name;
                var properties = located.WithRemoveEdit(ImmutableDictionary<string, string?>.Empty);
                if (problem == TimeoutProblem.BelowFloor)
                {
                    properties = located.WithReplaceEdit(properties, option.ValueSpan, UriValue(floor, known.IsMillisecondsForm));
                }

                session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.TimeoutTooShortOrInvalid, located.Location, properties, Message(subject, known.Timeout, problem, value, floor)));
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
            var properties = ImmutableDictionary<string, string?>.Empty;
            if (problem == TimeoutProblem.BelowFloor)
            {
                properties = properties.Add(DiagnosticProperties.FloorTicks, floor.Ticks.ToString(CultureInfo.InvariantCulture));
            }

            if (IsRemovable(assignment.Syntax))
            {
                properties = properties.Add(DiagnosticProperties.Removable, "true");
            }

            session.Report(
                context.ReportDiagnostic,
                Diagnostic.Create(RuleDescriptors.TimeoutTooShortOrInvalid, assignment.Syntax.GetLocation(), properties, Message(owner + property.Property.Name, timeout, problem, folded.Value, floor)));
        }

        private static bool IsRemovable(SyntaxNode assignment) => SyntaxShapes.IsDeletableAssignment(assignment);

        private static string Message(string subject, DriverTimeout timeout, TimeoutProblem problem, TimeSpan value, TimeSpan floor) => problem switch
        {
            TimeoutProblem.ImmediateConnect =>
                subject + " is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of " + TimeoutPolicy.Default(timeout),
            TimeoutProblem.Negative =>
                subject + " is negative (" + DurationText.Format(value) + "); use Timeout.InfiniteTimeSpan for no timeout, or remove it to use " + TimeoutPolicy.Default(timeout),
            _ =>
                subject + " is " + DurationText.Format(value) + ", below the recommended minimum of " + DurationText.Format(floor) + ": " + TimeoutPolicy.Reason(timeout)
                    + "; raise it, or remove it to use the default of " + TimeoutPolicy.Default(timeout),
        };

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
