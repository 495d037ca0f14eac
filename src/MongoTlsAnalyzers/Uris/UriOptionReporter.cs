using System.Threading;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Uris
{
    /// <summary>Places diagnostics about URI options (docs/architecture.md "Locations").</summary>
    internal static class UriOptionReporter
    {
        /// <summary>
        /// Locates <paramref name="option"/>, or returns null when it came from a non-constant part or belongs to
        /// another URI's literal (which reports it itself).
        /// </summary>
        public static OptionSite? Locate(UriSite site, MongoUriOption option, UriSiteLocator locator, CancellationToken cancellationToken)
        {
            var piece = site.Folded.PieceAt(option.NameSpan.Length > 0 ? option.NameSpan.Start : option.Span.Start);
            if (piece is null || piece.Origin == PieceOrigin.Hole || locator.IsOwnedByAnotherUri(site, piece, cancellationToken))
            {
                return null;
            }

            var location = site.Folded.GetLocation(option.Span, narrow: piece.Origin == PieceOrigin.Literal);
            return new OptionSite(site, option, piece, location);
        }
    }
}
