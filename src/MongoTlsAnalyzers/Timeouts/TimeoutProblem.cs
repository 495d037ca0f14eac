namespace MongoTlsAnalyzers.Timeouts
{
    /// <summary>What is wrong with a timeout value (MTA007).</summary>
    internal enum TimeoutProblem
    {
        None,

        /// <summary>Negative, and not <c>Timeout.InfiniteTimeSpan</c>.</summary>
        Negative,

        /// <summary>A connect timeout of 0: the .NET driver times out immediately.</summary>
        ImmediateConnect,

        /// <summary>Strictly below the configured floor.</summary>
        BelowFloor,

        /// <summary>Strictly above the configured ceiling (<c>Timeout.InfiniteTimeSpan</c> included).</summary>
        AboveCeiling,
    }
}
