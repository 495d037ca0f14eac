namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// Keys and values of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/>: the facts an analyzer
    /// found, handed to its code fix so that the fix never re-derives them.
    /// </summary>
    public static class DiagnosticProperties
    {
        /// <summary>What the diagnostic's location is; one of the <c>Shape*</c> values.</summary>
        public const string Shape = "Shape";

        /// <summary>The location is a whole string expression: a literal or interpolated string that is the URI.</summary>
        public const string ShapeWholeString = "WholeString";

        /// <summary>The location is one piece of a concatenation or interpolation; the first additional location is the whole expression.</summary>
        public const string ShapePiece = "Piece";

        /// <summary>The location is the literal fallback of <c>x ?? "literal"</c>.</summary>
        public const string ShapeFallback = "Fallback";

        /// <summary>The location is a literal in a declaration (const, field or local) that a URI elsewhere reads.</summary>
        public const string ShapeDeclaration = "Declaration";

        /// <summary>The location is a password argument of a credential API, or the value assigned to <c>MongoUrlBuilder.Password</c>.</summary>
        public const string ShapeCredentialValue = "CredentialValue";

        /// <summary>What the flagged value is; one of the <c>ValueKind*</c> values.</summary>
        public const string ValueKind = "ValueKind";

        /// <summary>A whole connection string.</summary>
        public const string ValueKindConnectionString = "ConnectionString";

        /// <summary>A password on its own.</summary>
        public const string ValueKindPassword = "Password";

        /// <summary>A host name on its own.</summary>
        public const string ValueKindHost = "Host";

        /// <summary>
        /// An edit of the flagged string literal's value that removes the flagged option with its separator:
        /// <c>start|length</c>, counted in the literal's value (not its source text).
        /// </summary>
        public const string RemoveEdit = "RemoveEdit";

        /// <summary>An edit of the literal's value that replaces a range: <c>start|length|text</c>.</summary>
        public const string ReplaceEdit = "ReplaceEdit";

        /// <summary>An edit of the literal's value that turns TLS on (<c>start|0|tls=true&amp;</c>), for MTA009's fix.</summary>
        public const string EnableTlsEdit = "EnableTlsEdit";

        /// <summary>"true" on MTA009 diagnostics about TLS turned off explicitly (tls=false, UseTls = false).</summary>
        public const string ExplicitTlsOff = "ExplicitTlsOff";

        /// <summary>The CA file a diagnostic names (a constant path), for MTA006's fix.</summary>
        public const string CaFile = "CaFile";

        /// <summary>What MTA006 found: <c>UriOption</c>, <c>ClientCertificate</c> or <c>Callback</c>.</summary>
        public const string CaProblem = "CaProblem";

        /// <summary>MTA006: tlsCAFile or a CA-like option in a URI.</summary>
        public const string CaProblemUriOption = "UriOption";

        /// <summary>MTA006: a CA certificate added to SslSettings.ClientCertificates.</summary>
        public const string CaProblemClientCertificate = "ClientCertificate";

        /// <summary>MTA006: a callback that lets chain errors through.</summary>
        public const string CaProblemCallback = "Callback";

        /// <summary>The option name a misspelled one should become.</summary>
        public const string Suggestion = "Suggestion";

        /// <summary>The recommended minimum of a timeout, in ticks.</summary>
        public const string FloorTicks = "FloorTicks";

        /// <summary>"true" when the flagged assignment is a statement or an object-initializer member that can be deleted.</summary>
        public const string Removable = "Removable";

        /// <summary>The MongoDB user name, when constant (never the password).</summary>
        public const string UserName = "UserName";
    }
}
