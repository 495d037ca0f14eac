namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>What kind of code a flagged setting is, so that a fix knows what it may delete or rewrite.</summary>
    internal enum SettingForm
    {
        /// <summary>Nothing a fix can delete: an embedded statement, an argument, part of an expression.</summary>
        None,

        /// <summary>An assignment that is a statement of its own in a block, a switch section or top-level code.</summary>
        Statement,

        /// <summary>A member of an object initializer.</summary>
        InitializerMember,

        /// <summary>A named argument (<c>serverCertificateValidationCallback: ...</c>) that can be dropped.</summary>
        NamedArgument,

        /// <summary>An option of a URI.</summary>
        UriOption,

        /// <summary>
        /// The whole body (for an insecure setting, also alone in braces) of an <c>if</c> without <c>else</c> that stands on its own and whose condition
        /// has no side effects (<c>if (opts.AllowInsecureTls) settings.AllowInsecureTls = true;</c>): the whole
        /// <c>if</c> can go with it, and a Development guard joins its condition.
        /// </summary>
        GatedStatement,
    }
}
