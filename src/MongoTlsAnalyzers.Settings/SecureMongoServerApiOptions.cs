namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// The Stable API, as Atlas's C# connection snippet sets it (<c>new ServerApi(ServerApiVersion.V1)</c>): the
    /// server then keeps the behaviour of that API version across upgrades.
    /// </summary>
    /// <example><c>"ServerApi": { "Version": "1", "Strict": true, "DeprecationErrors": true }</c></example>
    public sealed class SecureMongoServerApiOptions
    {
        /// <summary>The API version: <c>1</c> (or <c>V1</c>), the only one released. Unset: no Stable API.</summary>
        public string? Version { get; set; }

        /// <summary>When true, the server refuses commands that are not part of the API version.</summary>
        public bool? Strict { get; set; }

        /// <summary>When true, the server refuses deprecated commands.</summary>
        public bool? DeprecationErrors { get; set; }
    }
}
