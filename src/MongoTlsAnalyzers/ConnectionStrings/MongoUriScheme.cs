namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>The two URI schemes the driver accepts.</summary>
    internal enum MongoUriScheme
    {
        /// <summary><c>mongodb://</c></summary>
        Standard,

        /// <summary><c>mongodb+srv://</c>, which turns TLS on unless tls or ssl is given.</summary>
        Srv,
    }
}
