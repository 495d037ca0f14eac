using System.Linq;
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

        /// <summary>What MTA001's messages tell the user to do instead.</summary>
        private const string CredentialRemedy = "read the connection string or password from configuration or a secret store instead, and rotate the exposed password";

        /// <summary>What the configuration-file wordings of MTA001 and MTA002 tell the user to do: {3} is the key as an environment variable.</summary>
        private const string ConfigurationFileRemedy = "keep it out of committed files: in Development use user secrets (dotnet user-secrets set \"{1}\" ...), elsewhere the environment variable {3} (MongoDB__ConnectionString or ConnectionStrings__MongoDB for the usual keys),";

        /// <summary>What MTA006's messages tell the user to do instead.</summary>
        /// <summary>What a TLS failure against Atlas usually means (docs/rules/MTA003.md "Atlas").</summary>
        private const string AtlasHandshake = "a TLS handshake failure against Atlas (TLSV1_ALERT_INTERNAL_ERROR) usually means that this client's IP address is not on the cluster's IP access list";

        private const string CaRemedy = "trust the CA in a validation callback that builds an X509Chain with CustomRootTrust (MongoTlsAnalyzers.Settings' CustomCaCertificateValidator does), or install it in the operating system's trust store";

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
            message: "The MongoDB connection string '{0}' contains a hard-coded password; " + CredentialRemedy,
            description: "A password written into source code ends up in version control, build logs and every copy of the binary. Read the connection string from configuration (ConnectionStrings:MongoDB), user secrets, an environment variable or a secret store, and rotate the password that was committed.");

        /// <summary>
        /// MTA001 for a URI whose password equals its user name: {0} the URI with both redacted, because the user name
        /// tells the password.
        /// </summary>
        public static readonly DiagnosticDescriptor HardCodedWeakCredentials = Variant(
            HardCodedCredentials,
            "The MongoDB connection string '{0}' contains a hard-coded password that is also weak, because it equals the user name; " + CredentialRemedy + " for a strong one");

        /// <summary>MTA001 for a constant or field a URI elsewhere reads: {0} its name.</summary>
        public static readonly DiagnosticDescriptor HardCodedPasswordInConstant = Variant(
            HardCodedCredentials,
            "'{0}' holds a hard-coded password that is used in a MongoDB connection string; " + CredentialRemedy);

        /// <summary>MTA001 for the literal fallback of <c>x ?? "mongodb://..."</c>: {0} the redacted URI.</summary>
        public static readonly DiagnosticDescriptor HardCodedPasswordInFallback = Variant(
            HardCodedCredentials,
            "The fallback value in the MongoDB connection string '{0}' is a hard-coded password; " + CredentialRemedy);

        /// <summary>MTA001 for a credential API's password argument: {0} the API.</summary>
        public static readonly DiagnosticDescriptor HardCodedPasswordArgument = Variant(
            HardCodedCredentials,
            "{0} is given a hard-coded password; " + CredentialRemedy);

        /// <summary>MTA001 for a credential API's password argument with a constant user: {0} the API, {1} the user name.</summary>
        public static readonly DiagnosticDescriptor HardCodedPasswordArgumentForUser = Variant(
            HardCodedCredentials,
            "{0} is given a hard-coded password for user '{1}'; " + CredentialRemedy);

        /// <summary>MTA001 for a credential API's password equal to its constant user name: {0} the API (the user is not shown: it is the password).</summary>
        public static readonly DiagnosticDescriptor HardCodedWeakPasswordArgument = Variant(
            HardCodedCredentials,
            "{0} is given a hard-coded password that is also weak, because it equals the user name; " + CredentialRemedy + " for a strong one");

        /// <summary>MTA001 for <c>MongoUrlBuilder.Password = "..."</c>.</summary>
        public static readonly DiagnosticDescriptor HardCodedBuilderPassword = Variant(
            HardCodedCredentials,
            "MongoUrlBuilder.Password is set to a hard-coded password; " + CredentialRemedy);

        /// <summary>
        /// MTA001 in a JSON configuration file: {0} the redacted URI, {1} the key, {2} the file name, {3} the key as an
        /// environment variable. There is no fix in JSON, so the message says where the value goes instead.
        /// </summary>
        public static readonly DiagnosticDescriptor HardCodedCredentialsInConfigurationFile = Variant(
            HardCodedCredentials,
            "The MongoDB connection string '{0}' under '{1}' in {2} contains a committed password; " + ConfigurationFileRemedy + " and rotate the exposed password");

        public static readonly DiagnosticDescriptor HardCodedConnectionString = Create(
            RuleIds.HardCodedConnectionString,
            RuleCategories.Configuration,
            DiagnosticSeverity.Info,
            title: "Hard-coded MongoDB connection string",
            message: "The MongoDB connection string for '{0}' is hard-coded; read it from configuration (ConnectionStrings:MongoDB) so that each environment supplies its own",
            description: "A hard-coded connection string to a remote server ties the build to one environment and tends to collect credentials and insecure TLS options over time. Read it from configuration instead.");

        /// <summary>MTA002 on <c>new MongoServerAddress(host)</c>: {0} the remote host.</summary>
        public static readonly DiagnosticDescriptor HardCodedServerAddress = Variant(
            HardCodedConnectionString,
            "The MongoDB server address '{0}' is hard-coded; build the settings from a connection string read from configuration (ConnectionStrings:MongoDB) so that each environment supplies its own");

        /// <summary>MTA002 in a JSON configuration file: {0} the remote host, {1} the key, {2} the file name, {3} the key as an environment variable.</summary>
        public static readonly DiagnosticDescriptor HardCodedConnectionStringInConfigurationFile = Variant(
            HardCodedConnectionString,
            "The MongoDB connection string for '{0}' is committed under '{1}' in {2}, which every environment without its own value loads; " + ConfigurationFileRemedy + " so that each environment supplies its own");

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
            title: "MongoDB timeout too short, too long or invalid",
            message: "{0} is {1}, below the recommended minimum of {2}: {3}; raise it, or remove it to use the default of {4}",
            description: "Timeouts below the recommended floors turn ordinary events such as a replica-set election into application errors; timeouts above the recommended ceilings make requests hang for minutes, or forever, before they fail when the cluster is unreachable.");

        /// <summary>
        /// MTA007 above a ceiling: {0} the setting, {1} its value, {2} the ceiling, {3} what users then see
        /// (<c>TimeoutPolicy.CeilingReason</c>), {4} the driver's default.
        /// </summary>
        public static readonly DiagnosticDescriptor TimeoutAboveCeiling = Variant(
            TimeoutTooShortOrInvalid,
            "{0} is {1}, above the recommended maximum of {2}: {3}; lower it, or remove it to use the default of {4}");

        /// <summary>MTA007 for a connect timeout of 0: {0} the setting, {1} the driver's default.</summary>
        public static readonly DiagnosticDescriptor TimeoutImmediateConnect = Variant(
            TimeoutTooShortOrInvalid,
            "{0} is 0, which the .NET driver treats as an immediate timeout, so every connection attempt fails; remove it to use the default of {1}");

        /// <summary>MTA007 for a negative timeout: {0} the setting, {1} its value, {2} the driver's default.</summary>
        public static readonly DiagnosticDescriptor TimeoutNegative = Variant(
            TimeoutTooShortOrInvalid,
            "{0} is negative ({1}); use Timeout.InfiniteTimeSpan for no timeout, or remove it to use {2}");

        public static readonly DiagnosticDescriptor SuspiciousTimeoutUnit = Create(
            RuleIds.SuspiciousTimeoutUnit,
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            title: "Suspicious timeout unit",
            message: "The option {0}={1} is read in seconds, so it is {2}; if you meant milliseconds, use {3}={1}",
            description: "The value looks like it was written in the wrong unit, for example milliseconds passed where seconds are expected.");

        /// <summary>MTA008 for <c>TimeSpan.FromSeconds(n)</c>: {0} the number, {1} the duration it makes.</summary>
        public static readonly DiagnosticDescriptor TimeoutFromSeconds = Variant(
            SuspiciousTimeoutUnit,
            "TimeSpan.FromSeconds({0}) is {1}; if you meant milliseconds, use TimeSpan.FromMilliseconds({0})");

        /// <summary>MTA008 for <c>new TimeSpan(n)</c>: {0} the number of ticks, {1} the duration it makes.</summary>
        public static readonly DiagnosticDescriptor TimeoutTicks = Variant(
            SuspiciousTimeoutUnit,
            "new TimeSpan({0}) is {0} ticks, which is {1}; if you meant milliseconds, use TimeSpan.FromMilliseconds({0})");

        public static readonly DiagnosticDescriptor CertificateValidationDisabled = Create(
            RuleIds.CertificateValidationDisabled,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Server certificate validation disabled outside a Development guard",
            message: "{0} turns off server certificate validation outside a Development guard; trust the server's CA instead, or allow this only when the host environment is Development",
            description: "Without certificate validation, anyone on the network path can impersonate the MongoDB server and read or change every document and credential. Trust a private CA properly instead of turning validation off.");

        /// <summary>MTA003 in a JSON configuration file: {0} the option, {1} the file name.</summary>
        public static readonly DiagnosticDescriptor CertificateValidationDisabledInConfigurationFile = Variant(
            CertificateValidationDisabled,
            "The option {0} in {1} turns off server certificate validation in every environment that loads the file; trust the server's CA instead, or keep the option in appsettings.Development.json only");

        /// <summary>MTA003 toward an Atlas cluster: {0} the setting, {1} the Atlas host.</summary>
        public static readonly DiagnosticDescriptor CertificateValidationDisabledOnAtlas = Variant(
            CertificateValidationDisabled,
            "{0} turns off server certificate validation for the Atlas cluster '{1}', whose certificate chains to a public root that the operating system already trusts, so remove it; " + AtlasHandshake);

        /// <summary>MTA003 toward an Atlas cluster in a JSON configuration file: {0} the option, {1} the file name, {2} the Atlas host.</summary>
        public static readonly DiagnosticDescriptor CertificateValidationDisabledOnAtlasInConfigurationFile = Variant(
            CertificateValidationDisabled,
            "The option {0} in {1} turns off server certificate validation for the Atlas cluster '{2}', whose certificate chains to a public root that the operating system already trusts, so remove it; " + AtlasHandshake);

        public static readonly DiagnosticDescriptor InsecureTlsFromConfiguration = Create(
            RuleIds.InsecureTlsFromConfiguration,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "Insecure TLS can be switched on by configuration",
            message: "{0} is controlled by {1}; a configuration change can then silently turn off certificate validation in production, so allow it only under a Development guard",
            description: "A configuration switch that disables certificate validation ends up turned on in production. Derive the value from the host environment (IsDevelopment) instead.");

        /// <summary>MTA004 for a value from a field, property or method of the code: {0} the setting, {1} the member ("the field 'C._insecure'").</summary>
        public static readonly DiagnosticDescriptor InsecureTlsFromCodeMember = Variant(
            InsecureTlsFromConfiguration,
            "{0} is controlled by {1}, which nothing ties to the Development environment; whatever sets it can then silently turn off certificate validation in production, so allow it only under a Development guard");

        public static readonly DiagnosticDescriptor TlsSettingsWithoutTls = Create(
            RuleIds.TlsSettingsWithoutTls,
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            title: "TLS settings without TLS, or TLS explicitly off",
            message: "{0} does nothing because TLS is off for this connection, so it is plaintext; turn TLS on (tls=true, or UseTls = true) and trust the server's CA instead",
            description: "TLS-only settings have no effect while TLS is off, and turning TLS off towards a remote server sends credentials and data in plaintext.");

        /// <summary>MTA009 for <c>tls=false</c> on <c>mongodb+srv</c>: {0} the option's name, {1} its value.</summary>
        public static readonly DiagnosticDescriptor TlsOffOnSrv = Variant(
            TlsSettingsWithoutTls,
            "The option {0}={1} turns off TLS on a mongodb+srv connection, which hosted clusters such as MongoDB Atlas require; remove it");

        /// <summary>MTA009 for <c>tls=false</c> towards a remote host: {0} the option's name, {1} its value, {2} the host.</summary>
        public static readonly DiagnosticDescriptor TlsOffOptionForRemoteHost = Variant(
            TlsSettingsWithoutTls,
            "The option {0}={1} turns TLS off for the remote host '{2}', so credentials and data cross the network in plaintext; use tls=true");

        /// <summary>MTA009 for <c>UseTls = false</c> towards a remote host: {0} the property, {1} the host.</summary>
        public static readonly DiagnosticDescriptor TlsOffPropertyForRemoteHost = Variant(
            TlsSettingsWithoutTls,
            "{0} = false turns TLS off for the remote host '{1}', so credentials and data cross the network in plaintext; set it to true");

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
            message: "The option {0} is ignored by the .NET driver, so the CA it names is not trusted; " + CaRemedy,
            description: "The .NET driver has no CA setting. A private CA is trusted through the OS trust store or through a validation callback that builds an X509Chain with CustomRootTrust.");

        /// <summary>MTA006 for a CA option in a URI toward an Atlas cluster: {0} the option, {1} the Atlas host.</summary>
        public static readonly DiagnosticDescriptor CaConfigurationIneffectiveOnAtlas = Variant(
            CaConfigurationIneffective,
            "The option {0} is ignored by the .NET driver, and the Atlas cluster '{1}' needs no custom CA: its certificate chains to a public root that the operating system already trusts, so remove the option; " + AtlasHandshake);

        /// <summary>MTA006 for a CA certificate in <c>ClientCertificates</c>: {0} the file it comes from.</summary>
        public static readonly DiagnosticDescriptor CaInClientCertificates = Variant(
            CaConfigurationIneffective,
            "The certificate from '{0}' has no private key but is added to SslSettings.ClientCertificates, which identifies this application to the server and does not make the driver trust a CA; " + CaRemedy);

        /// <summary>MTA006 for a CA certificate in <c>ClientCertificates</c> toward an Atlas cluster: {0} its source, {1} the Atlas host.</summary>
        public static readonly DiagnosticDescriptor CaInClientCertificatesOnAtlas = Variant(
            CaConfigurationIneffective,
            "The certificate from '{0}' has no private key but is added to SslSettings.ClientCertificates, which does not make the driver trust a CA, and the Atlas cluster '{1}' needs no custom CA: its certificate chains to a public root that the operating system already trusts, so remove it; " + AtlasHandshake);

        /// <summary>MTA006 for a callback that lets chain errors through, toward an Atlas cluster: {0} the Atlas host.</summary>
        public static readonly DiagnosticDescriptor CaChainErrorsAcceptedOnAtlas = Variant(
            CaConfigurationIneffective,
            "This validation callback accepts certificates whose chain does not validate (RemoteCertificateChainErrors), and the Atlas cluster '{0}' needs none: its certificate chains to a public root that the operating system already trusts, so remove the callback; " + AtlasHandshake);

        /// <summary>MTA006 for a callback that lets chain errors through.</summary>
        public static readonly DiagnosticDescriptor CaChainErrorsAccepted = Variant(
            CaConfigurationIneffective,
            "This validation callback accepts certificates whose chain does not validate (RemoteCertificateChainErrors) without checking them against your CA, so any self-signed certificate passes; build an X509Chain with CustomRootTrust over your CA (CustomCaCertificateValidator in MongoTlsAnalyzers.Settings does), or pin the server's public key");

        public static readonly DiagnosticDescriptor ConnectionStringRejected = Create(
            RuleIds.ConnectionStringRejected,
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            title: "Connection string the driver rejects",
            message: "The MongoDB driver rejects this connection string, so the application fails when it starts: {0}; {1}",
            description: "The MongoDB .NET driver throws when it parses this connection string: an unencoded '@', ':' or '/' in the user name or password, an invalid option value, options that contradict each other, a port out of range, or a mongodb+srv URI with a port or several hosts. The application fails at start-up, which is often 'fixed' by hand in production. Correct the text as the message says.");

        /// <summary>MTA011 where only a sink's own path refuses the text: {0} the sink, {1} the reason, {2} the fix.</summary>
        public static readonly DiagnosticDescriptor ConnectionStringRejectedBySink = Variant(
            ConnectionStringRejected,
            "{0} rejects this connection string, so the application fails when it starts: {1}; {2}");

        /// <summary>
        /// Another wording of <paramref name="primary"/>'s rule: the same id, title, category, severity, description and
        /// page, for a case whose sentence differs (a rule reports several, so each is a message format, not code).
        /// </summary>
        private static DiagnosticDescriptor Variant(DiagnosticDescriptor primary, string message) =>
            new DiagnosticDescriptor(
                primary.Id,
                primary.Title,
                message,
                primary.Category,
                primary.DefaultSeverity,
                primary.IsEnabledByDefault,
                primary.Description,
                primary.HelpLinkUri,
                primary.CustomTags.ToArray());

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
