namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// Whitespace and comments between JSON tokens, with the exact rules of <c>System.Text.Json</c> under
    /// <c>JsonCommentHandling.Skip</c>, which is what <c>Microsoft.Extensions.Configuration.Json</c> uses.
    /// Methods return false on malformed text instead of throwing, and leave the cursor at the problem.
    /// </summary>
    internal static class JsonTrivia
    {
        /// <summary>
        /// Skips one leading byte order mark. The configuration reader decodes the file with a
        /// <c>StreamReader</c>, which drops it; Roslyn's <c>SourceText</c> usually has already.
        /// </summary>
        public static void SkipByteOrderMark(JsonTextCursor cursor)
        {
            if (cursor.Position == 0 && cursor.Peek() == '\uFEFF')
            {
                cursor.Advance(1);
            }
        }

        /// <summary>Only the four JSON whitespace characters: System.Text.Json allows no comment between a property name and its colon.</summary>
        public static void SkipWhitespace(JsonTextCursor cursor)
        {
            while (IsWhitespace(cursor.Peek()))
            {
                cursor.Advance(1);
            }
        }

        /// <summary>Skips whitespace and comments; false on an unterminated or malformed comment.</summary>
        public static bool SkipWhitespaceAndComments(JsonTextCursor cursor)
        {
            while (true)
            {
                var c = cursor.Peek();
                if (IsWhitespace(c))
                {
                    cursor.Advance(1);
                }
                else if (c != '/')
                {
                    return true;
                }
                else if (cursor.Peek(1) == '/')
                {
                    cursor.Advance(2);
                    if (!SkipLineCommentBody(cursor))
                    {
                        return false;
                    }
                }
                else if (cursor.Peek(1) == '*')
                {
                    cursor.Advance(2);
                    if (!SkipBlockCommentBody(cursor))
                    {
                        return false;
                    }
                }
                else
                {
                    return false;
                }
            }
        }

        public static bool IsWhitespace(int c) => c == ' ' || c == '\t' || c == '\n' || c == '\r';

        private static bool SkipLineCommentBody(JsonTextCursor cursor)
        {
            while (true)
            {
                var c = cursor.Peek();
                if (c == -1 || c == '\n' || c == '\r')
                {
                    return true;
                }

                // System.Text.Json rejects these inside a line comment rather than ending the comment there.
                if (c == '\u2028' || c == '\u2029' || !SkipCommentCharacter(cursor, c))
                {
                    return false;
                }
            }
        }

        private static bool SkipBlockCommentBody(JsonTextCursor cursor)
        {
            while (true)
            {
                var c = cursor.Peek();
                if (c == -1)
                {
                    return false;
                }

                if (c == '*' && cursor.Peek(1) == '/')
                {
                    cursor.Advance(2);
                    return true;
                }

                if (!SkipCommentCharacter(cursor, c))
                {
                    return false;
                }
            }
        }

        /// <summary>A lone surrogate, even in a comment, cannot be transcoded to UTF-8, so System.Text.Json rejects the text.</summary>
        private static bool SkipCommentCharacter(JsonTextCursor cursor, int c)
        {
            if (!char.IsSurrogate((char)c))
            {
                cursor.Advance(1);
                return true;
            }

            var next = cursor.Peek(1);
            if (!char.IsHighSurrogate((char)c) || next < 0 || !char.IsLowSurrogate((char)next))
            {
                return false;
            }

            cursor.Advance(2);
            return true;
        }
    }
}
