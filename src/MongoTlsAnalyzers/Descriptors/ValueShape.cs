namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>Where a hard-coded value (MTA001, MTA002) stands, so that the fix knows what to replace.</summary>
    internal enum ValueShape
    {
        /// <summary>A whole string expression: the literal or interpolated string that is the URI.</summary>
        WholeString,

        /// <summary>One piece of a concatenation or interpolation; the fix replaces the whole expression.</summary>
        Piece,

        /// <summary>The literal fallback of <c>x ?? "literal"</c>.</summary>
        Fallback,

        /// <summary>A literal in a declaration (const, field or local) that a URI elsewhere reads.</summary>
        Declaration,

        /// <summary>A password argument of a credential API, or the value assigned to <c>MongoUrlBuilder.Password</c>.</summary>
        CredentialValue,

        /// <summary>A piece appended to a URI being assembled (<c>sb.Append("user:pw@")</c>); no fix moves it yet.</summary>
        AssembledPiece,

        /// <summary>The host argument of <c>new MongoServerAddress(...)</c>; no fix moves it yet.</summary>
        ServerAddress,
    }
}
