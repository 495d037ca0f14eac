namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// Which rules stay silent in test code unless <c>mongo_tls.analyze_test_projects = true</c> (docs/architecture.md "Test
    /// code"), in this one place. The session applies it to every action of a rule; rules never check it themselves.
    /// MTA005, MTA006, MTA008, MTA010 and MTA011 still fire there, because an ignored option, a rejected URI or a wrong
    /// unit is a bug wherever it is; MTA001 still fires because a real password in a test is still a leaked password.
    /// </summary>
    public static class TestCodeScope
    {
        /// <summary>True when the rule <paramref name="id"/> is silent in test code by default.</summary>
        public static bool IsSilentInTestCode(string id) => id switch
        {
            RuleIds.HardCodedConnectionString => true,
            RuleIds.CertificateValidationDisabled => true,
            RuleIds.InsecureTlsFromConfiguration => true,
            RuleIds.TimeoutTooShortOrInvalid => true,
            RuleIds.TlsSettingsWithoutTls => true,
            _ => false,
        };
    }
}
