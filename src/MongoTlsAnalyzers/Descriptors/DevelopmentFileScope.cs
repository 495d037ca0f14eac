namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// Which rules stay silent in a Development configuration file (<c>appsettings.Development.json</c>,
    /// <c>launchSettings.json</c>; docs/architecture.md "Configuration files"), in this one place, as <see cref="TestCodeScope"/> is for test code. The
    /// configuration-file run applies it to every report; rules never check it themselves. MTA001 is not listed: a
    /// real password committed in any file is a leak, and its loopback exemption is the same in every file.
    /// </summary>
    public static class DevelopmentFileScope
    {
        /// <summary>True when the rule <paramref name="id"/> is silent in a Development configuration file.</summary>
        public static bool IsSilentInDevelopmentFiles(string id) => id switch
        {
            RuleIds.HardCodedConnectionString => true,
            RuleIds.CertificateValidationDisabled => true,
            RuleIds.TimeoutTooShortOrInvalid => true,
            RuleIds.TlsSettingsWithoutTls => true,
            _ => false,
        };
    }
}
