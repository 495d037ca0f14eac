using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>
    /// A MongoDB URI found in source: the outermost string expression (the root), its folded value and the
    /// parsed URI. Every URI-text rule works from these.
    /// </summary>
    internal sealed class UriSite
    {
        public UriSite(SyntaxNode root, FoldedString folded, MongoUri uri, bool isConditionallyAssembled = false, bool isAssembled = false)
        {
            Root = root;
            Folded = folded;
            Uri = uri;
            IsConditionallyAssembled = isConditionallyAssembled;
            IsAssembled = isAssembled;
        }

        /// <summary>True when later appends in the member (a builder, <c>+=</c>) are part of the text (<see cref="StringAssembly"/>).</summary>
        public bool IsAssembled { get; }

        /// <summary>True when some appended piece may be absent at run time, so the text does not prove what the driver receives.</summary>
        public bool IsConditionallyAssembled { get; }

        /// <summary>The outermost string expression: a literal, interpolated string or concatenation.</summary>
        public SyntaxNode Root { get; }

        public FoldedString Folded { get; }

        public MongoUri Uri { get; }

        /// <summary>
        /// Where a hard-coded piece of this URI stands, for the fix that moves it out: in a declaration the URI reads,
        /// as the literal fallback of <c>??</c>, as the whole URI, or as one piece of it.
        /// </summary>
        public ValueShape ShapeOf(FoldedPiece piece)
        {
            if (!IsInRoot(piece))
            {
                return IsAssembled && piece.ViaSymbol is null ? ValueShape.AssembledPiece : ValueShape.Declaration;
            }

            if (piece.IsFallback)
            {
                return ValueShape.Fallback;
            }

            return piece.ReportNode == Root ? ValueShape.WholeString : ValueShape.Piece;
        }

        /// <summary>The sink the URI reaches, once asked (<see cref="UriRejections"/>); a reference, so threads share it safely.</summary>
        internal SinkAnswer? Sink { get; set; }

        /// <summary>True when the piece's report location lies inside this root's own syntax.</summary>
        public bool IsInRoot(FoldedPiece piece) =>
            piece.ReportNode.SyntaxTree == Root.SyntaxTree && Root.Span.Contains(piece.ReportNode.Span);
    }
}
