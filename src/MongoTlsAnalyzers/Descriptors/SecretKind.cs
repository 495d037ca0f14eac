namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>What a hard-coded value is, which names the configuration key and environment variable a fix reads.</summary>
    internal enum SecretKind
    {
        ConnectionString,
        Password,
        Host,
    }
}
