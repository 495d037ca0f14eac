namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// The public, stable rule identifiers (docs/rules). Never renumber or reuse one.
    /// </summary>
    public static class RuleIds
    {
        public const string InvalidOption = "MTA000";
        public const string HardCodedCredentials = "MTA001";
        public const string HardCodedConnectionString = "MTA002";
        public const string CertificateValidationDisabled = "MTA003";
        public const string InsecureTlsFromConfiguration = "MTA004";
        public const string IgnoredConnectionStringOption = "MTA005";
        public const string CaConfigurationIneffective = "MTA006";
        public const string TimeoutTooShortOrInvalid = "MTA007";
        public const string SuspiciousTimeoutUnit = "MTA008";
        public const string TlsSettingsWithoutTls = "MTA009";
        public const string LegacyTlsProtocols = "MTA010";
        public const string ConnectionStringRejected = "MTA011";
    }
}
