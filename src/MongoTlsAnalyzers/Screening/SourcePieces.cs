using System;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// A source text as strings, for the screen's loops and for <see cref="string.IndexOf(string, StringComparison)"/>
    /// (vectorised on .NET). Read the pieces in order: <c>for (var offset = 0; offset &lt; text.Length; offset +=
    /// piece.Length) { var piece = Read(text, offset); ... }</c>.
    /// <para>
    /// A file of the usual size is one piece, its text's <see cref="SourceText.ToString()"/>: for a file the compiler
    /// parsed from a string or a small file, that is the source string itself, without a copy. Roslyn keeps a file of
    /// 40K characters or more in chunks (<c>LargeText</c>), and a string of the whole would go to the large-object
    /// heap, so a long text is read in pieces of about 32K characters, each cut just after a character that is not
    /// part of a run: no run, and so no trigger word or name, spans two pieces.
    /// </para>
    /// </summary>
    internal static class SourcePieces
    {
        /// <summary>Texts up to this length are one piece (80 KB as a string, below the large-object heap's 85,000 bytes).</summary>
        private const int WholeLimit = 40 * 1024;

        private const int PieceLength = 32 * 1024;

        /// <summary>The piece of <paramref name="text"/> that starts at <paramref name="start"/>, the end of the previous one.</summary>
        public static string Read(SourceText text, int start)
        {
            var length = text.Length;
            if (start == 0 && length <= WholeLimit)
            {
                return text.ToString();
            }

            // A run longer than a piece (a long literal without punctuation) makes its piece longer.
            var end = Math.Min(start + PieceLength, length);
            while (end < length && IdentifierRuns.IsRunChar(text[end - 1]))
            {
                end++;
            }

            return text.ToString(TextSpan.FromBounds(start, end));
        }
    }
}
