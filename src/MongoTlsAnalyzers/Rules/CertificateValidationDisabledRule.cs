using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tls;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA003: server certificate validation turned off outside a Development guard — <c>AllowInsecureTls = true</c>,
    /// <c>VerifySslCertificate = false</c>, <c>tlsInsecure=true</c> or <c>sslVerifyCertificate=false</c> in a URI with
    /// TLS on, or an accept-all validation callback. Silent in test projects by default.
    /// </summary>
    internal sealed class CertificateValidationDisabledRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.CertificateValidationDisabled, RuleDescriptors.CertificateValidationDisabledOnAtlas,
            RuleDescriptors.CertificateValidationDisabledInConfigurationFile, RuleDescriptors.CertificateValidationDisabledOnAtlasInConfigurationFile);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>
        /// <c>tlsInsecure=true</c> or <c>sslVerifyCertificate=false</c> with TLS on; with TLS off the option is MTA009's.
        /// A file has no guard: its name says which environments load it (Development files are silent).
        /// </summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.HasDriverErrors || !found.Uri.TlsEnabled)
            {
                return;
            }

            foreach (var option in found.Uri.Options)
            {
                if (!option.DisablesCertificateValidation)
                {
                    continue;
                }

                if (found.Uri.AtlasHost is { } atlas)
                {
                    found.Report(RuleDescriptors.CertificateValidationDisabledOnAtlasInConfigurationFile, option.Span, option.Name + "=" + option.RawValue, found.FileName, atlas);
                }
                else
                {
                    found.Report(RuleDescriptors.CertificateValidationDisabledInConfigurationFile, option.Span, option.Name + "=" + option.RawValue, found.FileName);
                }
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            InsecureSettingRules.Register(session, InsecureVerdict.ValidationDisabled);
        }
    }
}
