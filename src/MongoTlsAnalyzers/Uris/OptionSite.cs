using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>Where a diagnostic about one option of a URI goes, and which literal edits can fix it.</summary>
    internal sealed class OptionSite
    {
        public OptionSite(UriSite site, MongoUriOption option, FoldedPiece piece, Location location)
        {
            Site = site;
            Option = option;
            Piece = piece;
            Location = location;
        }

        public UriSite Site { get; }

        public MongoUriOption Option { get; }

        /// <summary>The piece of source that holds the option.</summary>
        public FoldedPiece Piece { get; }

        /// <summary>The option itself inside a plain literal, otherwise the string that holds it.</summary>
        public Location Location { get; }

        /// <summary>True when the option lies in one string literal that a fix can rewrite.</summary>
        public bool IsEditable => Piece.Origin == PieceOrigin.Literal && Piece.SourceNode is not null && Option.Span.End <= Piece.End;

        /// <summary>The edit that removes the option (and one separator), when that stays inside the literal.</summary>
        public LiteralEdit? RemoveEdit()
        {
            if (!IsEditable)
            {
                return null;
            }

            var text = Site.Uri.Text;
            var span = Option.Span;
            var before = span.Start - 1;
            TextSpan removal;
            if (before >= 0 && (text[before] == '&' || text[before] == ';'))
            {
                removal = TextSpan.FromBounds(before, span.End);
            }
            else if (span.End < text.Length && (text[span.End] == '&' || text[span.End] == ';'))
            {
                removal = TextSpan.FromBounds(span.Start, span.End + 1);
            }
            else
            {
                // The only option: the '?' goes with it.
                removal = TextSpan.FromBounds(before >= 0 && text[before] == '?' ? before : span.Start, span.End);
            }

            if (removal.Start < Piece.Start || removal.End > Piece.End)
            {
                return null;
            }

            return new LiteralEdit(removal.Start - Piece.Start, removal.Length, string.Empty);
        }

        /// <summary>The edit that replaces <paramref name="span"/> (offsets in the URI) with <paramref name="replacement"/>, when that stays inside the literal.</summary>
        public LiteralEdit? ReplaceEdit(TextSpan span, string replacement)
        {
            if (!IsEditable || span.Start < Piece.Start || span.End > Piece.End)
            {
                return null;
            }

            return new LiteralEdit(span.Start - Piece.Start, span.Length, replacement);
        }
    }
}
