using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Folding
{
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

        /// <summary>One hole standing for a value that does not fold, reported on <paramref name="node"/>.</summary>
        public static FoldedString Hole(SyntaxNode node) =>
            new FoldedString(
                MongoUri.HoleChar.ToString(),
                ImmutableArray.Create(new FoldedPiece(0, MongoUri.HoleChar.ToString(), PieceOrigin.Hole, node, null, isFallback: false, viaSymbol: null)));

        /// <summary>The strings one after the other, each piece keeping its source.</summary>
        public static FoldedString Concat(IReadOnlyList<FoldedString> parts)
        {
            var text = new StringBuilder();
            var pieces = ImmutableArray.CreateBuilder<FoldedPiece>();
            foreach (var part in parts)
            {
                foreach (var piece in part.Pieces)
                {
                    pieces.Add(new FoldedPiece(text.Length + piece.Start, piece.Text, piece.Origin, piece.ReportNode, piece.SourceNode, piece.IsFallback, piece.ViaSymbol));
                }

                text.Append(part.Value);
            }

            return new FoldedString(text.ToString(), pieces.ToImmutable());
        }

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
