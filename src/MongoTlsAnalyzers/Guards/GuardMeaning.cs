namespace MongoTlsAnalyzers.Guards
{
    /// <summary>What a boolean condition says about the host environment.</summary>
    internal enum GuardMeaning
    {
        /// <summary>Not about the environment.</summary>
        None,

        /// <summary>True only in Development: <c>env.IsDevelopment()</c>, <c>!env.IsProduction()</c>, ...</summary>
        Development,

        /// <summary>True whenever not in Development: <c>!env.IsDevelopment()</c>, <c>env.IsProduction()</c>, ...</summary>
        NotDevelopment,
    }
}
