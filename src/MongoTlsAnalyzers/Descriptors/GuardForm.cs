namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>How "Allow only in Development" can keep an insecure setting to Development.</summary>
    internal enum GuardForm
    {
        /// <summary>It cannot: no host environment in scope, or no statement to wrap.</summary>
        None,

        /// <summary>Wrap the statement that holds the setting in <c>if (env.IsDevelopment())</c>.</summary>
        WrapStatement,

        /// <summary>An initializer's <c>AllowInsecureTls = value</c> becomes <c>env.IsDevelopment()</c> (and the value).</summary>
        InitializerValue,

        /// <summary><c>if (cond) setting;</c> becomes <c>if (env.IsDevelopment() &amp;&amp; cond) setting;</c> (<see cref="SettingForm.GatedStatement"/>).</summary>
        JoinCondition,
    }
}
