namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>Why the driver refuses a connection string, as far as a fix is concerned.</summary>
    internal enum RejectionCause
    {
        /// <summary>Any other reason; the message says which.</summary>
        Other,

        /// <summary>An <c>@</c>, <c>:</c>, <c>/</c> or bare <c>%</c> in the user name or password that is not percent-encoded: the fix encodes the user info.</summary>
        UnencodedUserInfo,

        /// <summary>A known option with a value the driver refuses.</summary>
        InvalidOptionValue,
    }
}
