using System.Globalization;

namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>
    /// One edit of a string literal's value that a fix will make, as the analyzer found it: remove an option, rename
    /// it, replace its value, turn TLS on. Offsets count in the literal's value, not its source text. The one encoder
    /// (<see cref="Encode"/>) and the one decoder (<see cref="TryDecode"/>) of the <c>*Edit</c> properties of
    /// <see cref="FixFacts"/>; the code-fix assembly uses this type, never the string form.
    /// </summary>
    internal readonly struct LiteralEdit
    {
        public LiteralEdit(int start, int length, string replacement)
        {
            Start = start;
            Length = length;
            Replacement = replacement;
        }

        public int Start { get; }

        public int Length { get; }

        public string Replacement { get; }

        /// <summary><c>start|length</c> for a removal, <c>start|length|text</c> otherwise.</summary>
        public string Encode()
        {
            var head = Start.ToString(CultureInfo.InvariantCulture) + "|" + Length.ToString(CultureInfo.InvariantCulture);
            return Replacement.Length == 0 ? head : head + "|" + Replacement;
        }

        /// <summary>Reads what <see cref="Encode"/> wrote; false for anything else.</summary>
        public static bool TryDecode(string? encoded, out LiteralEdit edit)
        {
            edit = default;
            if (encoded is null)
            {
                return false;
            }

            var first = encoded.IndexOf('|');
            if (first < 0)
            {
                return false;
            }

            var second = encoded.IndexOf('|', first + 1);
            var lengthText = second < 0 ? encoded.Substring(first + 1) : encoded.Substring(first + 1, second - first - 1);
            if (!int.TryParse(encoded.Substring(0, first), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return false;
            }

            edit = new LiteralEdit(start, length, second < 0 ? string.Empty : encoded.Substring(second + 1));
            return true;
        }
    }
}
