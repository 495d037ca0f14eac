using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Infrastructure;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA003: server certificate validation turned off outside a Development guard — <c>AllowInsecureTls = true</c>,
    /// <c>VerifySslCertificate = false</c>, <c>tlsInsecure=true</c> or <c>sslVerifyCertificate=false</c> in a URI with
    /// TLS on, or an accept-all validation callback. Silent in test projects by default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationDisabledAnalyzer : MongoAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.CertificateValidationDisabled);

        internal override void OnCompilationStart(MongoAnalysisSession session)
        {
            session.RegisterOperationAction(context => InsecureSettingRules.Report(context, session, InsecureVerdict.ValidationDisabled), InsecureSettingFinder.Kinds);
        }
    }

    /// <summary>
    /// MTA004: a run-time value from configuration, options, an environment variable or a parameter that can
    /// turn certificate validation off, not derived from a Development guard; includes
    /// <c>if (opts.AllowInsecureTls) settings.AllowInsecureTls = true;</c>. Silent in test projects by default.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureTlsFromConfigurationAnalyzer : MongoAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.InsecureTlsFromConfiguration);

        internal override void OnCompilationStart(MongoAnalysisSession session)
        {
            session.RegisterOperationAction(context => InsecureSettingRules.Report(context, session, InsecureVerdict.FromConfiguration), InsecureSettingFinder.Kinds);
        }
    }

    /// <summary>Reports the settings of one verdict; the three TLS rules differ only in which verdict they own.</summary>
    internal static class InsecureSettingRules
    {
        public static void Report(OperationAnalysisContext context, MongoAnalysisSession session, InsecureVerdict verdict)
        {
            // The cheap test first: almost no operation of a code base can hold an insecure setting.
            var finder = session.Model.InsecureSettings!;
            var tree = context.Operation.Syntax.SyntaxTree;
            if (!finder.CanHoldSetting(context.Operation, context.CancellationToken) || session.IsSilencedAsTestCode(tree))
            {
                return;
            }

            foreach (var setting in finder.Find(context.Operation, session.GetOptions(tree), context.CancellationToken))
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
