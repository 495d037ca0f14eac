using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA005: a connection-string option the .NET driver silently ignores (its <c>AllUnknownOptionNames</c>),
    /// with what actually happens and, for a near-miss name, the option probably meant. CA options are left
    /// to MTA006. Runs in test projects too: an ignored option is a bug wherever it is.
    /// </summary>
    internal sealed class IgnoredOptionRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.IgnoredConnectionStringOption);

        public override bool ReadsConfigurationFiles => true;

        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                if (IgnoredOptionFacts.IsReportedAsIgnored(option))
                {
                    found.Report(RuleDescriptors.IgnoredConnectionStringOption, option.Span, option.Name, IgnoredOptionFacts.Describe(option.Name, found.Profile, out _));
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => Analyze(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);
        }

        private static void Analyze(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site is null || UriRejections.IsRejected(site, context.Operation, session.Model))
            {
                return;
            }

            foreach (var option in site.Uri.Options)
            {
                if (!IgnoredOptionFacts.IsReportedAsIgnored(option))
                {
                    continue;
                }

                var located = UriOptionReporter.Locate(site, option, locator, context.CancellationToken);
                if (located is null)
                {
                    continue;
                }

                var consequence = IgnoredOptionFacts.Describe(option.Name, session.Model.Profile, out var suggestion);
                // Removing compressors=zlib,lz4 would drop the supported zlib too: no removal for partly ignored values.
                var facts = new FixFacts
                {
                    Setting = SettingForm.UriOption,
                    RemoveEdit = option.HasIgnoredValue ? null : located.RemoveEdit(),
                    ReplaceEdit = suggestion is null ? null : located.ReplaceEdit(option.NameSpan, suggestion),
                    PieceSpan = located.PieceSpan,
                    Suggestion = suggestion,
                };
                facts = SettingsOwnership.Of(UriSink.With(facts, site, located.Piece.ReportNode, context.Operation, session.Types), context.Operation.SemanticModel, session.Types, context.CancellationToken);

                session.Report(
                    context,
                    Diagnostic.Create(RuleDescriptors.IgnoredConnectionStringOption, located.Location, facts.ToProperties(), MongoUri.RenderHoles(option.Name), consequence));
            }
        }
    }
}
