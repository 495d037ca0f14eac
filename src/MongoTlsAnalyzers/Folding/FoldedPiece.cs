using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>One contiguous piece of a folded string.</summary>
    internal sealed class FoldedPiece
    {
        public FoldedPiece(int start, string text, PieceOrigin origin, SyntaxNode reportNode, SyntaxNode? sourceNode, bool isFallback, ISymbol? viaSymbol)
        {
            Start = start;
            Text = text;
            Origin = origin;
            ReportNode = reportNode;
            SourceNode = sourceNode;
            IsFallback = isFallback;
            ViaSymbol = viaSymbol;
        }

        /// <summary>Offset of the piece in <see cref="FoldedString.Value"/>.</summary>
        public int Start { get; }

        public int End => Start + Text.Length;

        public string Text { get; }

        public PieceOrigin Origin { get; }

        /// <summary>Where a diagnostic about this piece goes: the literal, the whole interpolated string for
        /// interpolated text, or the literal in a declaration when the piece was read through a symbol.</summary>
        public SyntaxNode ReportNode { get; }

        /// <summary>The literal or interpolated-text syntax whose value is <see cref="Text"/>, for narrowing.</summary>
        public SyntaxNode? SourceNode { get; }

        /// <summary>True when the piece is the fallback of <c>x ?? "literal"</c>.</summary>
        public bool IsFallback { get; }

        /// <summary>The const, field or local this piece was read through (the innermost one), if any.</summary>
        public ISymbol? ViaSymbol { get; }

        public bool Contains(int index) => index >= Start && index < End;
    }
}
