namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>What a known option means to the rules, so that they never compare option names.</summary>
    internal enum UriOptionRole
    {
        None,

        /// <summary><c>tls</c>, <c>ssl</c>: TLS on or off.</summary>
        TlsSwitch,

        /// <summary><c>tlsInsecure</c>: <c>true</c> turns certificate and host-name validation off.</summary>
        InsecureTls,

        /// <summary><c>sslVerifyCertificate</c>: <c>false</c> turns certificate validation off.</summary>
        VerifyCertificate,
    }
}
