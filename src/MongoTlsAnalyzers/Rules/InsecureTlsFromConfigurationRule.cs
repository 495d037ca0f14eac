using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tls;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA004: a run-time value that can turn certificate validation off, not derived from a Development guard,
    /// from configuration, options, an environment variable, a parameter, or a field, property or method of the code;
    /// includes <c>if (opts.AllowInsecureTls) settings.AllowInsecureTls = true;</c>. Silent in test projects by default.
    /// </summary>
    internal sealed class InsecureTlsFromConfigurationRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.InsecureTlsFromConfiguration, RuleDescriptors.InsecureTlsFromCodeMember);

        public override void Register(MongoAnalysisSession session)
        {
            InsecureSettingRules.Register(session, InsecureVerdict.FromConfiguration);
        }
    }
}
