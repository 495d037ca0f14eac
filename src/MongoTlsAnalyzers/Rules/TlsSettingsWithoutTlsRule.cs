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
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.TlsSettingsWithoutTls, RuleDescriptors.TlsOffOnSrv, RuleDescriptors.TlsOffOptionForRemoteHost, RuleDescriptors.TlsOffPropertyForRemoteHost);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>
        /// <c>tlsInsecure=true</c> or <c>sslVerifyCertificate=false</c> while the URI leaves TLS off (a file has no code
        /// that could turn it on later), and TLS turned off explicitly on <c>mongodb+srv</c> or towards a remote host.
        /// </summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            var uri = found.Uri;
            if (uri.HasDriverErrors)
            {
                return;
            }

            var hosts = HostKnowledge.FromUri(uri);
            foreach (var option in uri.Options)
            {
                if (option.DisablesCertificateValidation && !uri.TlsEnabled)
                {
                    found.Report(RuleDescriptors.TlsSettingsWithoutTls, option.Span, "The option " + option.Name + "=" + option.RawValue);
                }
                else if (IsReportedTlsOff(uri, option, hosts))
                {
                    if (uri.IsSrv)
                    {
                        found.Report(RuleDescriptors.TlsOffOnSrv, option.Span, option.Name, option.RawValue);
                    }
                    else
                    {
                        found.Report(RuleDescriptors.TlsOffOptionForRemoteHost, option.Span, option.Name, option.RawValue, hosts.RemoteHost);
                    }
                }
            }
        }

        /// <summary><c>tls=false</c> is reported on <c>mongodb+srv</c> and towards a known remote host, in code and in files alike.</summary>
        private static bool IsReportedTlsOff(MongoUri uri, MongoUriOption option, HostKnowledge hosts) => option.TurnsTlsOff && (uri.IsSrv || hosts.IsKnownRemote);

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            InsecureSettingRules.Register(session, InsecureVerdict.TlsOff);
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

            var hosts = HostKnowledge.FromUri(site.Uri);
            foreach (var option in site.Uri.Options)
            {
                if (!IsReportedTlsOff(site.Uri, option, hosts))
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null || DevelopmentGuards.For(session.Model).IsGuarded(context.Operation, session.GetOptions(context.Operation.Syntax.SyntaxTree), context.CancellationToken))
                {
                    continue;
                }

                var properties = new FixFacts
                {
                    Setting = SettingForm.UriOption,
                    ReplaceEdit = located.ReplaceEdit(option.Span, "tls=true"),

                    // mongodb+srv turns TLS on by itself: the switch can simply go.
                    RemoveEdit = site.Uri.IsSrv ? located.RemoveEdit() : null,
                    PieceSpan = located.PieceSpan,
                    ExplicitTlsOff = true,
                }.ToProperties();
                var diagnostic = site.Uri.IsSrv
                    ? Diagnostic.Create(RuleDescriptors.TlsOffOnSrv, located.Location, properties, option.Name, option.RawValue)
                    : Diagnostic.Create(RuleDescriptors.TlsOffOptionForRemoteHost, located.Location, properties, option.Name, option.RawValue, hosts.RemoteHost);
                session.Report(context, diagnostic);
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

            var properties = new FixFacts { Setting = SyntaxShapes.FormOf(assignment.Syntax), ExplicitTlsOff = true }.ToProperties();
            session.Report(context, Diagnostic.Create(RuleDescriptors.TlsOffPropertyForRemoteHost, assignment.Syntax.GetLocation(), properties, property.Property.Name, hosts.RemoteHost));
        }
    }
}
