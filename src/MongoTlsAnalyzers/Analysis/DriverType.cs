namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>The driver types the rules look at (their metadata names are in <see cref="DriverSurface"/>).</summary>
    internal enum DriverType
    {
        MongoClient,
        MongoClientSettings,
        MongoUrl,
        MongoUrlBuilder,
        MongoCredential,
        PasswordEvidence,
        MongoServerAddress,
        SslSettings,
        MongoDefaults,
        ClusterBuilder,
        SslStreamSettings,
    }
}
