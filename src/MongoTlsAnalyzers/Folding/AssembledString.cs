namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// The text of a string assembled in one member (<see cref="StringAssembly"/>): its seed's fold followed by every
    /// piece appended to it later, holes included.
    /// </summary>
    internal sealed class AssembledString
    {
        public AssembledString(FoldedString folded, bool isConditional, int appendCount)
        {
            Folded = folded;
            IsConditional = isConditional;
            AppendCount = appendCount;
        }

        public FoldedString Folded { get; }

        /// <summary>
        /// True when some piece may or may not be there at run time (appended under a condition, in a loop or a lambda,
        /// or the builder passed elsewhere): the text is what the code can produce, not what it always produces, so a
        /// verdict that needs the whole text (MTA011) is not proven.
        /// </summary>
        public bool IsConditional { get; }

        /// <summary>How many appends followed the seed.</summary>
        public int AppendCount { get; }
    }
}
