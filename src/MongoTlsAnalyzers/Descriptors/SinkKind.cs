namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// The driver call a flagged URI or settings object reaches, when a fix may rewrite that call: the URI is its only
    /// argument, or the settings object is a local this call created.
    /// </summary>
    internal enum SinkKind
    {
        None,

        /// <summary><c>new MongoClient(uri)</c>.</summary>
        ClientConstructor,

        /// <summary><c>MongoClientSettings.FromConnectionString(uri)</c>.</summary>
        SettingsFromConnectionString,

        /// <summary><c>MongoClientSettings.FromUrl(url)</c> (a settings object's origin).</summary>
        SettingsFromUrl,

        /// <summary><c>new MongoClientSettings()</c> without an initializer (a settings object's origin).</summary>
        NewSettings,
    }
}
