namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>How the driver reads an option's value.</summary>
    internal enum UriOptionKind
    {
        /// <summary>Any text; never rejected.</summary>
        Text,

        /// <summary>Text that must not be empty after trimming.</summary>
        NonEmptyText,

        /// <summary><c>true</c> or <c>false</c>, in any case.</summary>
        Boolean,

        /// <summary>A 32-bit integer.</summary>
        Int32,

        /// <summary>A 32-bit integer that must be zero or more.</summary>
        NonNegativeInt32,

        /// <summary>A floating-point number.</summary>
        Double,

        /// <summary>A duration: milliseconds for names ending in MS, otherwise seconds with optional unit suffix.</summary>
        Duration,

        /// <summary>A duration that must not be negative (wtimeout).</summary>
        NonNegativeDuration,

        /// <summary>One of a fixed set of names, or a number.</summary>
        Enum,

        /// <summary>The write concern's <c>w</c>: a non-negative number or a mode name.</summary>
        WriteConcern,

        /// <summary>At most 128 bytes of UTF-8.</summary>
        ApplicationName,

        /// <summary>Comma-separated <c>key:value</c> pairs.</summary>
        AuthMechanismProperties,

        /// <summary>Comma-separated compressor names; unsupported ones are reported as unknown options.</summary>
        Compressors,

        /// <summary>Comma-separated <c>key:value</c> tags.</summary>
        ReadPreferenceTags,

        /// <summary>A 32-bit integer between 1 and 65535, given once (proxyPort).</summary>
        ProxyPort,

        /// <summary>Non-empty text given once (proxyHost, proxyUsername, proxyPassword).</summary>
        ProxyText,
    }
}
