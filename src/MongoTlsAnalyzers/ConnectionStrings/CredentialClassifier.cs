using System;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Decides whether a password is real or a placeholder (docs/architecture.md "Placeholder password"), and whether
    /// a real one is also weak. Credentials with a placeholder or missing password count as no credentials.
    /// </summary>
    internal static class CredentialClassifier
    {
        /// <summary>
        /// The template words, each as its parts: a value matches when it is the parts in order, in any case, with
        /// nothing, '_', '-' or a space between two parts. Only whole values match: "secret1" or "mypassword!" are
        /// passwords someone chose.
        /// </summary>
        private static readonly string[][] TemplateWords =
        {
            new[] { "password" },
            new[] { "pass" },
            new[] { "pwd" },
            new[] { "passwd" },
            new[] { "secret" },
            new[] { "change", "me" },
            new[] { "fill", "me" },
            new[] { "fill", "in" },
            new[] { "replace", "me" },
            new[] { "your", "password" },
            new[] { "my", "password" },
            new[] { "db", "password" },
            new[] { "mongo", "password" },
            new[] { "user", "password" },
            new[] { "todo" },
            new[] { "tbd" },
            new[] { "placeholder" },
            new[] { "dummy" },
        };

        /// <summary>
        /// True when <paramref name="password"/> is a real, hard-coded password. <paramref name="rawPassword"/> is
        /// the text as written (percent-encoded in a URI), <paramref name="password"/> the decoded value. A password
        /// equal to the user name is real (and weak, see <see cref="IsWeak"/>): live clusters use exactly that.
        /// </summary>
        public static bool IsRealPassword(string? rawPassword, string? password)
        {
            if (rawPassword is null || password is null || password.Length == 0)
            {
                return false;
            }

            return !IsPlaceholder(rawPassword) && !IsPlaceholder(password);
        }

        /// <summary>True when a real password equals its user name, which the first guess of any attacker tries.</summary>
        public static bool IsWeak(string password, string? username) =>
            username is not null && username.Length > 0 && string.Equals(password, username, StringComparison.OrdinalIgnoreCase);

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

            return IsSubstitutionForm(trimmed) || IsMask(trimmed) || IsTemplateWord(trimmed) || IsPasswordWithDigits(trimmed);
        }

        /// <summary>
        /// The forms that templating tools substitute before the value is used: &lt;password&gt;, {0}, {password},
        /// ${VAR} and #{VAR}# (a brace pair anywhere), $(VAR), %VAR% and __VAR__.
        /// </summary>
        private static bool IsSubstitutionForm(string trimmed)
        {
            if (trimmed.Length >= 2 && trimmed[0] == '<' && trimmed[trimmed.Length - 1] == '>')
            {
                return true;
            }

            // {0}, {password}, ${VAR}, #{VAR}#: a composite-format item or a template variable anywhere in the value.
            var open = trimmed.IndexOf('{');
            if (open >= 0 && trimmed.IndexOf('}', open + 1) > open)
            {
                return true;
            }

            // $(VAR): MSBuild and Azure Pipelines macros, anywhere in the value.
            var macro = trimmed.IndexOf("$(", StringComparison.Ordinal);
            if (macro >= 0)
            {
                var close = trimmed.IndexOf(')', macro + 2);
                if (close > macro + 2 && IsVariableName(trimmed, macro + 2, close))
                {
                    return true;
                }
            }

            // %VAR% (Windows environment) and __VAR__ (Octopus-style token replacement): the whole value only, because
            // a '%' or a double '_' inside a chosen password is ordinary.
            return IsDelimited(trimmed, "%") || IsDelimited(trimmed, "__");
        }

        private static bool IsDelimited(string trimmed, string delimiter)
        {
            var length = delimiter.Length;
            return trimmed.Length > 2 * length
                && trimmed.StartsWith(delimiter, StringComparison.Ordinal)
                && trimmed.EndsWith(delimiter, StringComparison.Ordinal)
                && trimmed[length] != '_'
                && trimmed[trimmed.Length - length - 1] != '_'
                && IsVariableName(trimmed, length, trimmed.Length - length);
        }

        // Only '*', 'x', '.' or '-': ****, xxxx, ..., ----.
        private static bool IsMask(string trimmed)
        {
            foreach (var c in trimmed)
            {
                if (c != '*' && c != 'x' && c != 'X' && c != '.' && c != '-')
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsTemplateWord(string trimmed)
        {
            foreach (var parts in TemplateWords)
            {
                if (MatchesParts(trimmed, parts))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MatchesParts(string text, string[] parts)
        {
            var position = 0;
            for (var i = 0; i < parts.Length; i++)
            {
                if (i > 0 && position < text.Length && (text[position] == '_' || text[position] == '-' || text[position] == ' '))
                {
                    position++;
                }

                var part = parts[i];
                if (position + part.Length > text.Length || string.Compare(text, position, part, 0, part.Length, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    return false;
                }

                position += part.Length;
            }

            return position == text.Length;
        }

        // password1, Password123: the word followed by digits only.
        private static bool IsPasswordWithDigits(string trimmed)
        {
            const string Word = "password";
            if (trimmed.Length <= Word.Length || !trimmed.StartsWith(Word, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            for (var i = Word.Length; i < trimmed.Length; i++)
            {
                if (trimmed[i] < '0' || trimmed[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

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
