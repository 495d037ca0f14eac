namespace MongoTlsAnalyzers.Folding
{
    /// <summary>Where a piece of folded text came from.</summary>
    internal enum PieceOrigin
    {
        /// <summary>A string literal (regular, verbatim or raw).</summary>
        Literal,

        /// <summary>The text part of an interpolated string.</summary>
        InterpolatedText,

        /// <summary>Another constant expression, such as <c>nameof(x)</c> or a number.</summary>
        Constant,

        /// <summary>A value that does not fold; its text is one hole character (<c>MongoUri.HoleChar</c>).</summary>
        Hole,
    }
}
