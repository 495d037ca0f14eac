using System.Globalization;

namespace MongoTlsAnalyzers.CodeFixes.Support
{
    /// <summary>One edit of a string literal's value, as the analyzer described it in Diagnostic.Properties.</summary>
    internal readonly struct LiteralValueEdit
    {
        public LiteralValueEdit(int start, int length, string replacement)
        {
            Start = start;
            Length = length;
            Replacement = replacement;
        }

        public int Start { get; }

        public int Length { get; }

        public string Replacement { get; }

        /// <summary>Reads <c>start|length</c> or <c>start|length|text</c>.</summary>
        public static bool TryParse(string? encoded, out LiteralValueEdit edit)
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

            edit = new LiteralValueEdit(start, length, second < 0 ? string.Empty : encoded.Substring(second + 1));
            return true;
        }
    }
}
