namespace MongoTlsAnalyzers.Screening
{
    /// <summary>Receives the runs of a text that are words of a <see cref="WordTable"/>, in order.</summary>
    internal interface IWordVisitor
    {
        /// <param name="position">Position of the run's first character in its file.</param>
        /// <param name="word">The word's index in the table.</param>
        void Found(int position, int word);
    }
}
