using System;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// One string value of a JSON file (never a property name): its decoded text, the configuration key it
    /// stands under, and where it is in the file, down to each decoded character, so that a diagnostic about
    /// part of the value (a password, an option) can point at the exact source text, escapes included.
    /// </summary>
    internal sealed class JsonStringValue
    {
        // Pairs (decoded index, source end) for each escape, in order; null when the value has none, and the
        // decoded text is then the source text between the quotes, character for character.
        private readonly int[]? _escapes;

        // Per key segment: its end in KeyPath shifted left once, low bit set for an array index.
        private readonly int[] _segments;

        public JsonStringValue(string keyPath, string value, TextSpan span, int[]? escapes, int[] segments)
        {
            KeyPath = keyPath;
            Value = value;
            Span = span;
            _escapes = escapes;
            _segments = segments;
        }

        /// <summary>The configuration key, such as <c>ConnectionStrings:MongoDB</c> or <c>Servers:0</c>; empty for a root string.</summary>
        public string KeyPath { get; }

        /// <summary>The decoded value.</summary>
        public string Value { get; }

        /// <summary>The string token in the file, quotes included.</summary>
        public TextSpan Span { get; }

        /// <summary>The text between the quotes.</summary>
        public TextSpan ContentSpan => new TextSpan(Span.Start + 1, Span.Length - 2);

        public bool HasEscapes => _escapes is not null;

        public int KeySegmentCount => _segments.Length;

        /// <summary>True when segment <paramref name="index"/> of the key path is an array index, not a property name.</summary>
        public bool IsArrayIndexSegment(int index) => (uint)index < (uint)_segments.Length && (_segments[index] & 1) != 0;

        /// <summary>Segment <paramref name="index"/> of the key path; a property name may itself contain <c>:</c>.</summary>
        public string GetKeySegment(int index)
        {
            if ((uint)index >= (uint)_segments.Length)
            {
                return string.Empty;
            }

            var start = SegmentStart(index);
            return KeyPath.Substring(start, SegmentEnd(index) - start);
        }

        /// <summary>Compares segment <paramref name="index"/> with a property name, ignoring case as configuration keys do, without allocating.</summary>
        public bool KeySegmentEquals(int index, string name)
        {
            if ((uint)index >= (uint)_segments.Length || IsArrayIndexSegment(index))
            {
                return false;
            }

            var start = SegmentStart(index);
            var length = SegmentEnd(index) - start;
            return length == name.Length && string.Compare(KeyPath, start, name, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        /// <summary>
        /// The file position of the boundary before decoded character <paramref name="decodedOffset"/> (or after the
        /// last one, for <c>Value.Length</c>). An escaped character maps to its whole escape. Out-of-range offsets
        /// are clamped into the value, so that a caller's mistake moves a squiggle rather than crashing the analyzer.
        /// </summary>
        public int GetSourcePosition(int decodedOffset)
        {
            if (decodedOffset < 0)
            {
                decodedOffset = 0;
            }
            else if (decodedOffset > Value.Length)
            {
                decodedOffset = Value.Length;
            }

            var contentStart = Span.Start + 1;
            var escapes = _escapes;
            if (escapes is null)
            {
                return contentStart + decodedOffset;
            }

            // The last escape that decodes to a character before the boundary: the text after it is verbatim.
            var low = 0;
            var high = (escapes.Length / 2) - 1;
            var found = -1;
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (escapes[middle * 2] < decodedOffset)
                {
                    found = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            if (found < 0)
            {
                return contentStart + decodedOffset;
            }

            return escapes[(found * 2) + 1] + (decodedOffset - escapes[found * 2] - 1);
        }

        /// <summary>The file span of decoded characters [<paramref name="decodedStart"/>, +<paramref name="decodedLength"/>), clamped into the value.</summary>
        public TextSpan GetSourceSpan(int decodedStart, int decodedLength)
        {
            // Computed in long so that an overlong length clamps to the end instead of overflowing to the start.
            var decodedEnd = Math.Min((long)decodedStart + Math.Max(decodedLength, 0), Value.Length);
            var start = GetSourcePosition(decodedStart);
            var end = GetSourcePosition((int)Math.Max(decodedEnd, 0));
            return TextSpan.FromBounds(start, Math.Max(start, end));
        }

        public override string ToString() => KeyPath + " = " + Value;

        private int SegmentStart(int index) => index == 0 ? 0 : SegmentEnd(index - 1) + 1;

        private int SegmentEnd(int index) => _segments[index] >> 1;
    }
}
