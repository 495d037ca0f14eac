using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// Every diagnostic descriptor the package reports, in one place. Messages are full sentences that
    /// say what is wrong and how to fix it; they never contain a password (callers pass redacted text).
    /// </summary>
    public static class RuleDescriptors
    {
        /// <summary>Where the rule pages live; <c>helpLinkUri</c> is this plus <c>MTA00N.md</c>.</summary>
        public const string HelpLinkBase = "https://github.com/mongotlsanalyzers/MongoTlsAnalyzers/blob/main/docs/rules/";

        public static string HelpLink(string id) => HelpLinkBase + id + ".md";

        public static readonly DiagnosticDescriptor InvalidOption = Create(
            RuleIds.InvalidOption,
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            title: "Invalid mongo_tls.* analyzer option in .editorconfig",
            message: "The .editorconfig option '{0}' has the invalid value '{1}': {2}. The default ({3}) is used instead.",
            description: "A mongo_tls.* option in .editorconfig could not be read. The analyzers fall back to the option's default value; fix the value so that your setting takes effect.",
            // Reported once per compilation, at its end: tag it so IDEs know it is not a live per-document diagnostic.
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor HardCodedCredentials = Create(
            RuleIds.HardCodedCredentials,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Hard-coded credentials in MongoDB connection settings",
            message: "{0}; read the connection string or password from configuration or a secret store instead, and rotate the exposed password",
            description: "A password written into source code ends up in version control, build logs and every copy of the binary. Read the connection string from configuration (ConnectionStrings:MongoDB), user secrets, an environment variable or a secret store, and rotate the password that was committed.");

        public static readonly DiagnosticDescriptor HardCodedConnectionString = Create(
            RuleIds.HardCodedConnectionString,
            RuleCategories.Configuration,
            DiagnosticSeverity.Info,
            title: "Hard-coded MongoDB connection string",
            message: "The MongoDB connection string for '{0}' is hard-coded; read it from configuration (ConnectionStrings:MongoDB) so that each environment supplies its own",
            description: "A hard-coded connection string to a remote server ties the build to one environment and tends to collect credentials and insecure TLS options over time. Read it from configuration instead.");

        public static readonly DiagnosticDescriptor IgnoredConnectionStringOption = Create(
            RuleIds.IgnoredConnectionStringOption,
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            title: "Connection-string option ignored by the .NET driver",
            message: "The option '{0}' is ignored by the .NET MongoDB driver: {1}",
            description: "The .NET driver silently ignores options it does not know, including several that other MongoDB drivers honour. The setting has no effect.");

        public static readonly DiagnosticDescriptor TimeoutTooShortOrInvalid = Create(
            RuleIds.TimeoutTooShortOrInvalid,
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            title: "MongoDB timeout too short or invalid",
            message: "{0}",
            description: "Timeouts below the recommended floors turn ordinary events such as a replica-set election into application errors.");

        public static readonly DiagnosticDescriptor SuspiciousTimeoutUnit = Create(
            RuleIds.SuspiciousTimeoutUnit,
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            title: "Suspicious timeout unit",
            message: "{0}",
            description: "The value looks like it was written in the wrong unit, for example milliseconds passed where seconds are expected.");

        public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
            RuleIds.CertificateValidationDisabled,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Server certificate validation disabled outside a Development guard",
            message: "{0} turns off server certificate validation outside a Development guard; trust the server's CA instead, or allow this only when the host environment is Development",
            description: "Without certificate validation, anyone on the network path can impersonate the MongoDB server and read or change every document and credential. Trust a private CA properly instead of turning validation off.");

        public static readonly DiagnosticDescriptor InsecureTlsFromConfiguration = Create(
            RuleIds.InsecureTlsFromConfiguration,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Insecure TLS can be switched on by configuration",
            message: "{0} is controlled by {1}; a configuration change can then silently turn off certificate validation in production, so allow it only under a Development guard",
            description: "A configuration switch that disables certificate validation ends up turned on in production. Derive the value from the host environment (IsDevelopment) instead.");

        public static readonly DiagnosticDescriptor TlsSettingsWithoutTls = Create(
            RuleIds.TlsSettingsWithoutTls,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "TLS settings without TLS, or TLS explicitly off",
            message: "{0}",
            description: "TLS-only settings have no effect while TLS is off, and turning TLS off towards a remote server sends credentials and data in plaintext.");

        public static readonly DiagnosticDescriptor LegacyTlsProtocols = Create(
            RuleIds.LegacyTlsProtocols,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Legacy TLS protocol versions enabled",
            message: "{0} enables {1}; leave the protocols to the operating system default or use TLS 1.2 and later",
            description: "SSL 2.0, SSL 3.0, TLS 1.0 and TLS 1.1 are broken or deprecated.");

        public static readonly DiagnosticDescriptor CaConfigurationIneffective = Create(
            RuleIds.CaConfigurationIneffective,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "CA configuration missing or ineffective",
            message: "{0}",
            description: "The .NET driver has no CA setting. A private CA is trusted through the OS trust store or through a validation callback that builds an X509Chain with CustomRootTrust.");

        private static DiagnosticDescriptor Create(
            string id,
            string category,
            DiagnosticSeverity severity,
            string title,
            string message,
            string description,
            params string[] customTags)
        {
            return new DiagnosticDescriptor(
                id,
                title,
                message,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLink(id),
                customTags: customTags);
        }
    }
}
