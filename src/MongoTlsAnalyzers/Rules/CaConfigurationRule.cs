using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Tls;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA006: a private CA configured in a way the .NET driver ignores — <c>tlsCAFile</c> or a CA-like option in a
    /// URI, a certificate without its key added to <c>SslSettings.ClientCertificates</c>, or a validation callback
    /// that lets chain errors through without checking the chain against the CA. Runs in test projects.
    /// </summary>
    internal sealed class CaConfigurationRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.CaConfigurationIneffective, RuleDescriptors.CaConfigurationIneffectiveOnAtlas, RuleDescriptors.CaInClientCertificates,
            RuleDescriptors.CaInClientCertificatesOnAtlas, RuleDescriptors.CaChainErrorsAccepted, RuleDescriptors.CaChainErrorsAcceptedOnAtlas);

        public override bool ReadsConfigurationFiles => true;

        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                if (!IgnoredOptionFacts.IsIneffectiveCaOption(option))
                {
                    continue;
                }

                if (found.Uri.AtlasHost is { } atlas)
                {
                    found.Report(RuleDescriptors.CaConfigurationIneffectiveOnAtlas, option.Span, option.Name, atlas);
                }
                else
                {
                    found.Report(RuleDescriptors.CaConfigurationIneffective, option.Span, option.Name);
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);
            session.RegisterOperationAction(context => AnalyzeAssignment(context, session), session.Types.MemberUseGate, OperationKind.SimpleAssignment);
            if (session.Types.SslStreamSettings is not null)
            {
                session.RegisterOperationAction(context => AnalyzeStreamSettings(context, session), session.Types.MemberUseGate, OperationKind.Invocation, OperationKind.ObjectCreation);
            }
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
                if (!IgnoredOptionFacts.IsIneffectiveCaOption(option))
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null)
                {
                    continue;
                }

                // The fix moves the option out of a literal that is the sink's whole argument, or that a local holds
                // for its one use as that argument.
                TextSpan? sinkSpan = null;
                var sink = SinkKind.None;
                if (located.Piece.SourceNode == site.Root)
                {
                    sink = UriSink.Of(context.Operation, session.Types, out sinkSpan);
                    if (sink == SinkKind.None)
                    {
                        sink = UriSink.OfLocal(context.Operation, session.Types, out sinkSpan);
                    }
                }

                var properties = new FixFacts
                {
                    Setting = SettingForm.UriOption,
                    RemoveEdit = located.RemoveEdit(),
                    CaProblem = CaProblem.UriOption,
                    CaFile = option.Value,
                    InType = SyntaxShapes.InType(site.Root),
                    Sink = sink,
                    SinkSpan = sinkSpan,
                }.ToProperties();
                var diagnostic = site.Uri.AtlasHost is { } atlas
                    ? Diagnostic.Create(RuleDescriptors.CaConfigurationIneffectiveOnAtlas, located.Location, properties, option.Name, atlas)
                    : Diagnostic.Create(RuleDescriptors.CaConfigurationIneffective, located.Location, properties, option.Name);
                session.Report(context, diagnostic);
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation property)
            {
                return;
            }

            switch (session.Types.RoleOf(property.Property))
            {
                case DriverRole.ClientCertificates:
                    foreach (var certificate in KeylessCaCertificates.In(assignment.Value, session.Model, context.CancellationToken))
                    {
                        var creation = certificate.Creation.Syntax;
                        var properties = new FixFacts
                        {
                            CaProblem = CaProblem.ClientCertificate,
                            CaFile = certificate.File,
                            CertificateCanBecomeValidator = certificate.File is not null && SyntaxShapes.CertificateCanBecomeValidator(assignment.Syntax, creation),
                            InType = SyntaxShapes.InType(assignment.Syntax),
                        }.ToProperties();
                        var diagnostic = AtlasHost(assignment, session, context.CancellationToken) is { } atlas
                            ? Diagnostic.Create(RuleDescriptors.CaInClientCertificatesOnAtlas, creation.GetLocation(), properties, certificate.Source, atlas)
                            : Diagnostic.Create(RuleDescriptors.CaInClientCertificates, creation.GetLocation(), properties, certificate.Source);
                        session.Report(context, diagnostic);
                    }

                    break;

                case DriverRole.ValidationCallback:
                    ReportCallback(context, session, assignment.Value);
                    break;
            }
        }

        private static void AnalyzeStreamSettings(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var arguments = context.Operation switch
            {
                IInvocationOperation invocation when session.Types.Is(invocation.TargetMethod.ContainingType, DriverType.SslStreamSettings) => invocation.Arguments,
                IObjectCreationOperation creation when session.Types.Is(creation.Type, DriverType.SslStreamSettings) => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            foreach (var argument in arguments)
            {
                if (session.Types.RoleOfParameter(argument.Parameter) == DriverRole.ValidationCallback && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    ReportCallback(context, session, argument.Value);
                }
            }
        }

        private static void ReportCallback(OperationAnalysisContext context, MongoAnalysisSession session, IOperation callback)
        {
            if (!ChainErrorAcceptance.AcceptsChainErrorsUnchecked(callback, session.Model.Folder, context.CancellationToken))
            {
                return;
            }

            var properties = new FixFacts { CaProblem = CaProblem.Callback, InType = SyntaxShapes.InType(callback.Syntax) }.ToProperties();
            var location = CertificateCallbacks.CallbackSyntax(callback).GetLocation();
            var diagnostic = AtlasHost(callback, session, context.CancellationToken) is { } atlas
                ? Diagnostic.Create(RuleDescriptors.CaChainErrorsAcceptedOnAtlas, location, properties, atlas)
                : Diagnostic.Create(RuleDescriptors.CaChainErrorsAccepted, location, properties);
            session.Report(context, diagnostic);
        }

        /// <summary>The Atlas host of the settings object a nested TLS setting is written into, when it is known to be one.</summary>
        private static string? AtlasHost(IOperation operation, MongoAnalysisSession session, CancellationToken cancellationToken)
        {
            var host = EnclosingSettings.HostsOf(operation, session.Model, cancellationToken).RemoteHost;
            return host is not null && HostClassifier.IsAtlas(host) ? host : null;
        }
    }
}
