namespace MongoTlsAnalyzers.Folding
{
    /// <summary>How a folded duration was written, for the unit rule (MTA008) and the fixes.</summary>
    internal enum TimeoutForm
    {
        Other,

        /// <summary><c>TimeSpan.FromSeconds(n)</c>, with <see cref="FoldedTimeout.Argument"/> = n.</summary>
        FromSeconds,

        /// <summary><c>new TimeSpan(ticks)</c>, with <see cref="FoldedTimeout.Argument"/> = ticks.</summary>
        TicksConstructor,

        /// <summary><c>Timeout.InfiniteTimeSpan</c>.</summary>
        Infinite,
    }
}
