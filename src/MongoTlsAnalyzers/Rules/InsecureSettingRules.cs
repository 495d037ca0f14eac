using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tls;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>Reports the settings of one verdict; the three TLS rules differ only in which verdict they own.</summary>
    internal static class InsecureSettingRules
    {
        /// <summary>
        /// Registers the rule of <paramref name="verdict"/>: settings writes, calls and creations that touch the driver,
        /// and string expressions that are a URI's root (each behind its gate, asked once for all the rules).
        /// </summary>
        public static void Register(MongoAnalysisSession session, InsecureVerdict verdict)
        {
            var finder = InsecureSettingFinder.For(session.Model);
            Action<OperationAnalysisContext> report = context => Report(context, session, finder, verdict);
            session.RegisterOperationAction(report, InsecureSettingFinder.SettingKinds, session.Types.MemberUseGate);
            session.RegisterOperationAction(report, UriSiteLocator.RootKinds, UriSiteLocator.For(session.Model).RootGate);
        }

        private static void Report(OperationAnalysisContext context, MongoAnalysisSession session, InsecureSettingFinder finder, InsecureVerdict verdict)
        {
            // The cheap test first: almost no operation of a code base can hold an insecure setting.
            if (!finder.CanHoldSetting(context.Operation, context.CancellationToken))
            {
                return;
            }

            foreach (var setting in finder.Find(context.Operation, session.GetOptions(context.Operation.Syntax.SyntaxTree), context.CancellationToken))
            {
                if (setting.Verdict != verdict)
                {
                    continue;
                }

                var diagnostic = verdict switch
                {
                    InsecureVerdict.ValidationDisabled when setting.AtlasHost is { } atlas =>
                        Diagnostic.Create(RuleDescriptors.CertificateValidationDisabledOnAtlas, setting.Location, setting.Facts.ToProperties(), setting.Subject, atlas),
                    InsecureVerdict.ValidationDisabled => Diagnostic.Create(RuleDescriptors.CertificateValidationDisabled, setting.Location, setting.Facts.ToProperties(), setting.Subject),
                    InsecureVerdict.FromConfiguration => Diagnostic.Create(
                        setting.Source!.IsCodeMember ? RuleDescriptors.InsecureTlsFromCodeMember : RuleDescriptors.InsecureTlsFromConfiguration,
                        setting.Location,
                        setting.Facts.ToProperties(),
                        setting.Subject,
                        setting.Source.Description),
                    _ => Diagnostic.Create(RuleDescriptors.TlsSettingsWithoutTls, setting.Location, setting.Facts.ToProperties(), setting.Subject),
                };
                session.Report(context, diagnostic);
            }
        }
    }
}
