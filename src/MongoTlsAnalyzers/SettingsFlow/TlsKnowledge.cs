namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>Whether a connection uses TLS.</summary>
    internal enum TlsKnowledge
    {
        Unknown,
        On,
        Off,
    }
}
