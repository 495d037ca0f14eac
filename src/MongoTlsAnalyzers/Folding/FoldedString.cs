using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConnectionStrings;

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

        /// <summary>A value that does not fold; its text is one <see cref="MongoUri.HoleChar"/>.</summary>
        Hole,
    }

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

    /// <summary>
    /// The constant value of a string expression, as far as it folds, kept as pieces that remember their
    /// source. Non-constant parts are single <see cref="MongoUri.HoleChar"/> characters.
    /// </summary>
    internal sealed class FoldedString
    {
        public FoldedString(string value, ImmutableArray<FoldedPiece> pieces)
        {
            Value = value;
            Pieces = pieces;
        }

        public string Value { get; }

        public ImmutableArray<FoldedPiece> Pieces { get; }

        public bool HasHoles => Value.IndexOf(MongoUri.HoleChar) >= 0;

        /// <summary>The piece that holds the character at <paramref name="index"/>.</summary>
        public FoldedPiece? PieceAt(int index)
        {
            foreach (var piece in Pieces)
            {
                if (piece.Contains(index))
                {
                    return piece;
                }
            }

            return null;
        }

        /// <summary>
        /// The source location of <paramref name="span"/> (offsets in <see cref="Value"/>) when it lies in one
        /// plain literal and maps exactly onto its source text; otherwise the whole report node of its piece.
        /// </summary>
        public Location GetLocation(TextSpan span, bool narrow)
        {
            var piece = PieceAt(span.Start) ?? Pieces[Pieces.Length - 1];
            if (narrow
                && piece.Origin == PieceOrigin.Literal
                && piece.SourceNode is { } literal
                && span.End <= piece.End
                && LiteralSourceMap.TryMapSpan(literal, span.Start - piece.Start, span.Length, out var sourceSpan))
            {
                return Location.Create(literal.SyntaxTree, sourceSpan);
            }

            return piece.ReportNode.GetLocation();
        }
    }
}
