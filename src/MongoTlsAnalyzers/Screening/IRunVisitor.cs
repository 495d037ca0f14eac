namespace MongoTlsAnalyzers.Screening
{
    /// <summary>Receives the identifier-like runs of a text, in order.</summary>
    internal interface IRunVisitor
    {
        /// <param name="start">Position of the run's first character in the text.</param>
        /// <param name="length">Number of characters.</param>
        /// <param name="hash">The run's case-insensitive hash (<see cref="IdentifierRuns.Hash(string)"/>).</param>
        void Visit(int start, int length, uint hash);
    }
}
