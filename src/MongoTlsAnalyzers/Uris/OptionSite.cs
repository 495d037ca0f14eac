using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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

        /// <summary>
        /// True when the option lies in one string literal, or one text part of an interpolated string, that a fix
        /// can rewrite.
        /// </summary>
        public bool IsEditable =>
            Piece.SourceNode is { } source
            && Option.Span.End <= Piece.End
            && (Piece.Origin == PieceOrigin.Literal || (Piece.Origin == PieceOrigin.InterpolatedText && IsRewritableText(source)));

        /// <summary>The text part of a regular or verbatim interpolated string (a raw one's text is left alone).</summary>
        private static bool IsRewritableText(SyntaxNode text) =>
            text is InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated }
            && (interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) || interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken));

        /// <summary>
        /// The source span of the interpolated-text part the literal edits apply to, when the diagnostic is placed on
        /// the whole interpolated string rather than on that part (a literal's diagnostic lies in the literal itself).
        /// </summary>
        public TextSpan? PieceSpan => IsEditable && Piece.Origin == PieceOrigin.InterpolatedText ? Piece.SourceNode!.Span : null;

        /// <summary>The edit that removes the option (and one separator), when that stays inside the literal.</summary>
        public LiteralEdit? RemoveEdit() => RemovalSpan() is { } removal ? new LiteralEdit(removal.Start - Piece.Start, removal.Length, string.Empty) : null;

        /// <summary>The option and one separator, in URI offsets, when that stays inside the piece.</summary>
        private TextSpan? RemovalSpan()
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

            return removal.Start < Piece.Start || removal.End > Piece.End ? null : removal;
        }

        /// <summary>
        /// The edit that turns TLS on for this option (MTA009): the URI's own <c>tls=false</c> or <c>ssl=false</c>
        /// becomes <c>true</c> when it lies in the same piece; without one, <c>tls=true&amp;</c> goes in front of the
        /// option. Null when TLS is switched off elsewhere (another piece, or more than one switch).
        /// </summary>
        public LiteralEdit? EnableTlsEdit()
        {
            if (!TryFindTlsSwitch(out var tlsSwitch))
            {
                return null;
            }

            return tlsSwitch is null
                ? ReplaceEdit(new TextSpan(Option.Span.Start, 0), "tls=true&")
                : ReplaceEdit(tlsSwitch.ValueSpan, "true");
        }

        /// <summary>
        /// One edit that turns TLS on and removes this option (MTA009 on <c>tlsInsecure=true</c> while TLS is off):
        /// the option becomes <c>tls=true</c>, or, when the URI says <c>tls=false</c> in the same piece, that switch
        /// becomes <c>true</c> and the option goes (one replacement over both, so Fix All never splits them).
        /// </summary>
        public LiteralEdit? EnableTlsAndRemoveEdit()
        {
            if (!TryFindTlsSwitch(out var tlsSwitch))
            {
                return null;
            }

            if (tlsSwitch is null)
            {
                return ReplaceEdit(Option.Span, "tls=true");
            }

            if (RemovalSpan() is not { } removal || removal.OverlapsWith(tlsSwitch.ValueSpan))
            {
                return null;
            }

            var text = Site.Uri.Text;
            var value = tlsSwitch.ValueSpan;
            var span = TextSpan.FromBounds(Math.Min(value.Start, removal.Start), Math.Max(value.End, removal.End));
            var replacement = value.Start < removal.Start
                ? "true" + text.Substring(value.End, removal.Start - value.End)
                : text.Substring(removal.End, value.Start - removal.End) + "true";
            return ReplaceEdit(span, replacement);
        }

        /// <summary>The URI's one <c>tls</c>/<c>ssl</c> switch when it turns TLS off (null when there is none); false when it cannot be edited with this option.</summary>
        private bool TryFindTlsSwitch(out MongoUriOption? tlsSwitch)
        {
            tlsSwitch = null;
            foreach (var option in Site.Uri.Options)
            {
                if (option.Role != UriOptionRole.TlsSwitch)
                {
                    continue;
                }

                if (tlsSwitch is not null || !option.TurnsTlsOff || option.ValueSpan.Start < Piece.Start || option.ValueSpan.End > Piece.End)
                {
                    return false;
                }

                tlsSwitch = option;
            }

            return true;
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
