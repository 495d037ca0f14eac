using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>Percent-decoding as the driver does it (<c>Uri.UnescapeDataString</c>), but never throwing.</summary>
    internal static class PercentDecoding
    {
        public static string Decode(string text)
        {
            if (text.IndexOf('%') < 0)
            {
                return text;
            }

            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (Exception ex) when (ex is UriFormatException || ex is ArgumentException)
            {
                return text;
            }
        }

        /// <summary>
        /// The driver refuses a string when any <c>%</c> is not followed by two hex digits
        /// (its pattern <c>%$|%.$|%[^0-9a-fA-F]|%[0-9a-fA-F][^0-9a-fA-F]</c>).
        /// </summary>
        public static bool HasInvalidEscape(string text)
        {
            for (var i = text.IndexOf('%'); i >= 0; i = text.IndexOf('%', i + 1))
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
