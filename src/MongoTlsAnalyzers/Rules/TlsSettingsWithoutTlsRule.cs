using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Guards;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Tls;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA009: TLS-only settings while TLS is off (each its own diagnostic), TLS turned off explicitly towards a
    /// known non-loopback host (<c>tls=false</c>, <c>ssl=false</c>, <c>UseTls = false</c>), and <c>tls=false</c> on
    /// <c>mongodb+srv</c>. A host from configuration is unknown, so an explicit "off" then does not fire.
    /// </summary>
    internal sealed class TlsSettingsWithoutTlsRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.TlsSettingsWithoutTls);

        public override void Register(MongoAnalysisSession session)
        {
            var finder = InsecureSettingFinder.For(session.Model);
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => InsecureSettingRules.Report(context, session, finder, InsecureVerdict.TlsOff), InsecureSettingFinder.Kinds);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds);
            session.RegisterOperationAction(context => AnalyzeAssignment(context, session), OperationKind.SimpleAssignment);
        }

        private static void AnalyzeUri(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site is null || site.Uri.HasDriverErrors)
            {
                return;
            }

            var hosts = HostKnowledge.FromUri(site.Uri);
            foreach (var option in site.Uri.Options)
            {
                if (option.Role != UriOptionRole.TlsSwitch || option.Boolean != false)
                {
                    continue;
                }

                string message;
                if (site.Uri.IsSrv)
                {
                    message = "The option " + option.Name + "=" + option.RawValue + " turns off TLS on a mongodb+srv connection, which hosted clusters such as MongoDB Atlas require; remove it";
                }
                else if (hosts.IsKnownRemote)
                {
                    message = "The option " + option.Name + "=" + option.RawValue + " turns TLS off for the remote host '" + hosts.RemoteHost + "', so credentials and data cross the network in plaintext; use tls=true";
                }
                else
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null || DevelopmentGuards.For(session.Model).IsGuarded(context.Operation, session.GetOptions(context.Operation.Syntax.SyntaxTree), context.CancellationToken))
                {
                    continue;
                }

                var properties = located.WithReplaceEdit(ImmutableDictionary<string, string?>.Empty, option.Span, "tls=true").Add(DiagnosticProperties.ExplicitTlsOff, "true");
                session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.TlsSettingsWithoutTls, located.Location, properties, message));
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property
                || assignment.Value.ConstantValue is not { HasValue: true, Value: false }
                || session.Types.RoleOf(property.Property) != DriverRole.TlsSwitch)
            {
                return;
            }

            var hosts = SettingsState.Hosts(property.Instance, assignment, session.Model, context.CancellationToken);
            if (!hosts.IsKnownRemote || DevelopmentGuards.For(session.Model).IsGuarded(assignment, session.GetOptions(assignment.Syntax.SyntaxTree), context.CancellationToken))
            {
                return;
            }

            var message = property.Property.Name + " = false turns TLS off for the remote host '" + hosts.RemoteHost + "', so credentials and data cross the network in plaintext; set it to true";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(DiagnosticProperties.ExplicitTlsOff, "true");
            session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.TlsSettingsWithoutTls, assignment.Syntax.GetLocation(), properties, message));
        }
    }
}
