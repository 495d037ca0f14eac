using System;
using System.Collections.Generic;
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
            RuleDescriptors.CaConfigurationIneffective, RuleDescriptors.CaInClientCertificates, RuleDescriptors.CaChainErrorsAccepted);

        public override bool ReadsConfigurationFiles => true;

        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                if (IgnoredOptionFacts.IsIneffectiveCaOption(option))
                {
                    found.Report(RuleDescriptors.CaConfigurationIneffective, option.Span, option.Name);
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds);
            session.RegisterOperationAction(context => AnalyzeAssignment(context, session), OperationKind.SimpleAssignment);
            if (session.Types.SslStreamSettings is not null)
            {
                session.RegisterOperationAction(context => AnalyzeStreamSettings(context, session), OperationKind.Invocation, OperationKind.ObjectCreation);
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
                session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.CaConfigurationIneffective, located.Location, properties, option.Name));
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
                    foreach (var (creation, file) in CertificatesWithoutKeys(assignment.Value, session, context.CancellationToken))
                    {
                        var properties = new FixFacts
                        {
                            CaProblem = CaProblem.ClientCertificate,
                            CaFile = file,
                            CertificateCanBecomeValidator = SyntaxShapes.CertificateCanBecomeValidator(assignment.Syntax, creation.Syntax),
                            InType = SyntaxShapes.InType(assignment.Syntax),
                        }.ToProperties();
                        session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.CaInClientCertificates, creation.Syntax.GetLocation(), properties, file));
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
            session.Report(context.ReportDiagnostic, Diagnostic.Create(RuleDescriptors.CaChainErrorsAccepted, CertificateCallbacks.CallbackSyntax(callback).GetLocation(), properties));
        }

        /// <summary>
        /// Certificates loaded from a .pem, .crt or .cer file without a key: <c>new X509Certificate2("ca.crt")</c>,
        /// <c>X509Certificate.CreateFromCertFile</c>, <c>X509CertificateLoader.LoadCertificateFromFile</c>, followed
        /// through locals assigned once.
        /// </summary>
        private static IEnumerable<(IOperation Creation, string File)> CertificatesWithoutKeys(IOperation value, MongoAnalysisSession session, CancellationToken cancellationToken)
        {
            var pending = new Stack<(IOperation Operation, int Depth)>();
            pending.Push((value, 0));
            while (pending.Count > 0)
            {
                var (current, depth) = pending.Pop();
                foreach (var operation in current.DescendantsAndSelf())
                {
                    if (CertificateFile(operation, session, cancellationToken) is { } file)
                    {
                        yield return (operation, file);
                    }
                    else if (depth < 4 && operation is ILocalReferenceOperation local
                        && session.Model.Folder.Assignments.GetSingleAssignedValue(local.Local, cancellationToken) is { } assigned
                        && session.Model.Folder.GetOperation(assigned, cancellationToken) is { } assignedOperation)
                    {
                        pending.Push((assignedOperation, depth + 1));
                    }
                }
            }
        }

        private static string? CertificateFile(IOperation operation, MongoAnalysisSession session, CancellationToken cancellationToken)
        {
            IOperation? path = operation switch
            {
                IObjectCreationOperation { Type.Name: "X509Certificate2" or "X509Certificate", Arguments.Length: 1 } creation
                    when creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String => creation.Arguments[0].Value,
                IInvocationOperation { TargetMethod: { Name: "CreateFromCertFile" or "LoadCertificateFromFile", Parameters.Length: 1 } } invocation => invocation.Arguments[0].Value,
                _ => null,
            };

            if (path is null)
            {
                return null;
            }

            var folded = session.Model.Folder.Fold(path, cancellationToken);
            if (folded.HasHoles)
            {
                return null;
            }

            var file = folded.Value;
            return file.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".cer", StringComparison.OrdinalIgnoreCase)
                ? file
                : null;
        }
    }
}
