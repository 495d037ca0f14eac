using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tls;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA004: a run-time value from configuration, options, an environment variable or a parameter that can
    /// turn certificate validation off, not derived from a Development guard; includes
    /// <c>if (opts.AllowInsecureTls) settings.AllowInsecureTls = true;</c>. Silent in test projects by default.
    /// </summary>
    internal sealed class InsecureTlsFromConfigurationRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.InsecureTlsFromConfiguration);

        public override void Register(MongoAnalysisSession session)
        {
            var finder = InsecureSettingFinder.For(session.Model);
            session.RegisterOperationAction(context => InsecureSettingRules.Report(context, session, finder, InsecureVerdict.FromConfiguration), InsecureSettingFinder.Kinds);
        }
    }
}
