namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>The JSON files whose string values the analyzers read (§3b).</summary>
    internal enum ConfigurationFileKind
    {
        /// <summary>Any other file: not read.</summary>
        None,

        /// <summary><c>appsettings.json</c> or <c>appsettings.&lt;Environment&gt;.json</c>: every string value counts.</summary>
        AppSettings,

        /// <summary><c>launchSettings.json</c>: only the profiles' environment variables count.</summary>
        LaunchSettings,
    }
}
