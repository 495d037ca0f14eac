using System.Collections.Generic;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// The words without which a file cannot hold anything a rule analyses, compared without case. Every rule
    /// starts from one of these (docs/rules): a URI, whose scheme is a word of the file's own text or reaches it
    /// through a field's name (<see cref="SourceScreen"/>); or an assignment, call or creation on a driver type,
    /// whose member or type name is written where it is used. A test keeps this list in step with the rules:
    /// <c>SourceScreenTests</c> runs every analyzer test source split one type per file, screened and unscreened.
    /// </summary>
    internal static class TriggerWords
    {
        /// <summary>The scheme's words: <c>mongodb://</c>, <c>mongodb+srv://</c>, and the namespace <c>MongoDB</c>.</summary>
        public static readonly string[] Scheme = { "mongodb", "mongo" };

        public static readonly string[] Words =
        {
            // Driver types whose members or constructors the rules look at.
            "MongoClient", "MongoClientSettings", "MongoUrl", "MongoUrlBuilder", "MongoCredential", "PasswordEvidence",
            "SslSettings", "SslStreamSettings", "ClusterBuilder", "MongoDefaults",

            // MTA003, MTA004, MTA009: settings that turn validation or TLS off.
            "AllowInsecureTls", "VerifySslCertificate", "ServerCertificateValidationCallback", "UseTls", "UseSsl",
            "ClusterConfigurator", "ConfigureSsl",

            // MTA006 and MTA010: what the TLS settings trust and allow.
            "ClientCertificates", "EnabledSslProtocols", "EnabledProtocols", "CheckCertificateRevocation",

            // MTA001: credential APIs (2.x and 3.x names).
            "Password", "CreateCredential", "CreatePlainCredential", "CreateMongoCRCredential", "CreateMongoX509Credential",
            "CreateGssapiCredential", "CreateOidcCredential", "CreateRawOidcCredential", "CreateAzureCredential",
            "CreateAwsCredential",

            // MTA007, MTA008: timeout properties (TimeoutPolicy.ForProperty).
            "ConnectTimeout", "ServerSelectionTimeout", "SocketTimeout", "WaitQueueTimeout", "HeartbeatInterval",
            "HeartbeatTimeout", "LocalThreshold", "MaxConnectionIdleTime", "MaxConnectionLifeTime", "WTimeout",
        };

        private static readonly Dictionary<uint, int> Lengths = Build();

        /// <summary>True when the run with this hash and length is one of <see cref="Words"/> (or collides with one).</summary>
        public static bool IsTrigger(uint hash, int length) => Lengths.TryGetValue(hash, out var wordLength) && wordLength == length;

        /// <summary>True when the run is <c>mongo</c> or <c>mongodb</c>, in any case.</summary>
        public static bool IsScheme(uint hash, int length) =>
            (length == 7 && hash == MongodbHash) || (length == 5 && hash == MongoHash);

        private static readonly uint MongodbHash = IdentifierRuns.Hash("mongodb");
        private static readonly uint MongoHash = IdentifierRuns.Hash("mongo");

        private static Dictionary<uint, int> Build()
        {
            var lengths = new Dictionary<uint, int>();
            foreach (var word in Words)
            {
                lengths[IdentifierRuns.Hash(word)] = word.Length;
            }

            return lengths;
        }
    }
}
