namespace MongoTlsAnalyzers.Tls
{
    /// <summary>Which rule an insecure TLS setting belongs to (docs/rules/MTA003, MTA004, MTA009).</summary>
    internal enum InsecureVerdict
    {
        /// <summary>Under a Development guard: fine.</summary>
        Guarded,

        /// <summary>MTA003: validation is off, unconditionally.</summary>
        ValidationDisabled,

        /// <summary>MTA004: configuration, options, an environment variable or a parameter can turn validation off.</summary>
        FromConfiguration,

        /// <summary>MTA009: a TLS-only setting while TLS is known to be off.</summary>
        TlsOff,
    }
}
