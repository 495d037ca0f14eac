using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tls;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>Reports the settings of one verdict; the three TLS rules differ only in which verdict they own.</summary>
    internal static class InsecureSettingRules
    {
        public static void Report(OperationAnalysisContext context, MongoAnalysisSession session, InsecureSettingFinder finder, InsecureVerdict verdict)
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
                    InsecureVerdict.ValidationDisabled => Diagnostic.Create(RuleDescriptors.CertificateValidationDisabled, setting.Location, setting.Properties, setting.Subject),
                    InsecureVerdict.FromConfiguration => Diagnostic.Create(RuleDescriptors.InsecureTlsFromConfiguration, setting.Location, setting.Properties, setting.Subject, setting.Source!.Description),
                    _ => Diagnostic.Create(RuleDescriptors.TlsSettingsWithoutTls, setting.Location, setting.Properties, TlsOffMessage(setting.Subject)),
                };
                session.Report(context.ReportDiagnostic, diagnostic);
            }
        }

        private static string TlsOffMessage(string subject) =>
            subject + " does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead";
    }
}
