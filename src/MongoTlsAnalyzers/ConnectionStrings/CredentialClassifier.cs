using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Decides whether a password is real or a placeholder (docs/architecture.md "Placeholder password").
    /// Credentials with a placeholder or missing password count as no credentials.
    /// </summary>
    internal static class CredentialClassifier
    {
        private static readonly string[] PlaceholderWords = { "password", "pass", "pwd", "secret", "changeme" };

        /// <summary>
        /// True when <paramref name="password"/> is a real, hard-coded password. <paramref name="rawPassword"/> is
        /// the text as written (percent-encoded in a URI), <paramref name="password"/> the decoded value.
        /// </summary>
        public static bool IsRealPassword(string? rawPassword, string? password, string? username)
        {
            if (rawPassword is null || password is null || password.Length == 0)
            {
                return false;
            }

            return !IsPlaceholder(rawPassword) && !IsPlaceholder(password) && !EqualsUsername(password, username);
        }

        /// <summary>A placeholder in any of the forms the design lists.</summary>
        public static bool IsPlaceholder(string text)
        {
            // A hole that does not fold is unknown at compile time, so it is not a hard-coded secret.
            if (text.IndexOf(MongoUri.HoleChar) >= 0)
            {
                return true;
            }

            var trimmed = text.Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            // <password>, <db_password>
            if (trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>')
            {
                return true;
            }

            // {0}, {1}, {password}: a composite-format item or template placeholder anywhere in the value.
            var open = trimmed.IndexOf('{');
            if (open >= 0 && trimmed.IndexOf('}', open + 1) > open)
            {
                return true;
            }

            // %VAR%
            if (trimmed.Length >= 3 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%' && IsVariableName(trimmed, 1, trimmed.Length - 1))
            {
                return true;
            }

            // Only '*' or 'x': ****, xxxx
            var onlyMask = true;
            foreach (var c in trimmed)
            {
                if (c != '*' && c != 'x' && c != 'X')
                {
                    onlyMask = false;
                    break;
                }
            }

            if (onlyMask)
            {
                return true;
            }

            foreach (var word in PlaceholderWords)
            {
                if (string.Equals(trimmed, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool EqualsUsername(string password, string? username) =>
            username is not null && username.Length > 0 && string.Equals(password, username, StringComparison.OrdinalIgnoreCase);

        private static bool IsVariableName(string text, int start, int end)
        {
            if (end <= start)
            {
                return false;
            }

            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
