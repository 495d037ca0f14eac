using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Placeholder forms that a template tool substitutes before the driver reads the text (docs/rules/MTA011.md):
    /// <c>&lt;...&gt;</c>, <c>{...}</c>, <c>${...}</c>, <c>$(...)</c>, <c>%VAR%</c>, <c>#{...}#</c>, <c>__VAR__</c>. A URI
    /// holding one anywhere is a template, not a connection string the driver will see as written.
    /// </summary>
    internal static class TemplateForms
    {
        public static bool Contains(string text)
        {
            return HasPair(text, 0, '<', '>')
                || HasPair(text, 0, '{', '}')
                || HasPair(text, text.IndexOf("$(", StringComparison.Ordinal), '(', ')')
                || HasPercentVariable(text)
                || HasDoubleUnderscoreVariable(text);
        }

        // An opening character followed later by its closing one, with something between: <password>, {0}, ${VAR}, #{VAR}#.
        private static bool HasPair(string text, int from, char open, char close)
        {
            var start = from < 0 ? -1 : text.IndexOf(open, from);
            return start >= 0 && start + 2 < text.Length && text.IndexOf(close, start + 2) > start;
        }

        // %VAR%: a name that starts with a letter or '_' (so %40abc%2F, two escapes, is not one).
        private static bool HasPercentVariable(string text)
        {
            for (var i = text.IndexOf('%'); i >= 0 && i + 2 < text.Length; i = text.IndexOf('%', i + 1))
            {
                if (!IsNameStart(text[i + 1]))
                {
                    continue;
                }

                var j = i + 2;
                while (j < text.Length && IsNamePart(text[j]))
                {
                    j++;
                }

                if (j < text.Length && text[j] == '%' && !IsEscapeLike(text, i))
                {
                    return true;
                }
            }

            return false;
        }

        // __VAR__: two underscores, a name, two underscores.
        private static bool HasDoubleUnderscoreVariable(string text)
        {
            for (var i = text.IndexOf("__", StringComparison.Ordinal); i >= 0; i = text.IndexOf("__", i + 2, StringComparison.Ordinal))
            {
                var j = i + 2;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || (text[j] == '_' && !(j + 1 < text.Length && text[j + 1] == '_'))))
                {
                    j++;
                }

                if (j > i + 2 && j + 1 < text.Length && text[j] == '_' && text[j + 1] == '_')
                {
                    return true;
                }
            }

            return false;
        }

        // %AB... where AB are hex digits is a percent escape, not the start of a variable.
        private static bool IsEscapeLike(string text, int i) => i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]);

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

        private static bool IsNamePart(char c) => IsNameStart(c) || (c >= '0' && c <= '9');
    }
}
