using System.Collections.Immutable;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>Every rule the package runs, in ID order. A new rule is one file in this folder and one line here.</summary>
    internal static class RuleCatalog
    {
        public static ImmutableArray<MongoRule> All { get; } = ImmutableArray.Create<MongoRule>(
            new InvalidOptionRule(),
            new HardCodedCredentialsRule(),
            new HardCodedConnectionStringRule(),
            new CertificateValidationDisabledRule(),
            new InsecureTlsFromConfigurationRule(),
            new IgnoredOptionRule(),
            new CaConfigurationRule(),
            new TimeoutRule(),
            new TimeoutUnitRule(),
            new TlsSettingsWithoutTlsRule(),
            new LegacyTlsProtocolsRule(),
            new ConnectionStringRejectedRule());
    }
}
