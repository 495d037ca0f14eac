namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>What MTA006 found.</summary>
    internal enum CaProblem
    {
        None,

        /// <summary><c>tlsCAFile</c> or another CA option in a URI.</summary>
        UriOption,

        /// <summary>A CA certificate added to <c>SslSettings.ClientCertificates</c>.</summary>
        ClientCertificate,

        /// <summary>A validation callback that lets chain errors through.</summary>
        Callback,
    }
}
