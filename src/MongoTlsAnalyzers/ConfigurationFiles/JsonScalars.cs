namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// Numbers and the literals <c>true</c>, <c>false</c> and <c>null</c>: the reader only needs to skip them,
    /// but it must refuse exactly what System.Text.Json refuses, or it would read values from a file the
    /// configuration reader cannot load.
    /// </summary>
    internal static class JsonScalars
    {
        /// <summary>
        /// A number as System.Text.Json accepts it: no leading zero, no bare dot, digits after the dot and the
        /// exponent. Whatever follows (<c>01</c>, <c>1x</c>) is refused by the structure, which wants a comma, a
        /// closing bracket, trivia or the end there.
        /// </summary>
        public static bool SkipNumber(JsonTextCursor cursor)
        {
            if (cursor.Peek() == '-')
            {
                cursor.Advance(1);
            }

            if (cursor.Peek() == '0')
            {
                cursor.Advance(1);
            }
            else if (!SkipDigits(cursor))
            {
                return false;
            }

            if (cursor.Peek() == '.')
            {
                cursor.Advance(1);
                if (!SkipDigits(cursor))
                {
                    return false;
                }
            }

            var e = cursor.Peek();
            if (e == 'e' || e == 'E')
            {
                cursor.Advance(1);
                var sign = cursor.Peek();
                if (sign == '+' || sign == '-')
                {
                    cursor.Advance(1);
                }

                if (!SkipDigits(cursor))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary><c>true</c>, <c>false</c> or <c>null</c>; whatever follows is checked by the structure.</summary>
        public static bool SkipLiteral(JsonTextCursor cursor)
        {
            var literal = cursor.Peek() switch
            {
                't' => "true",
                'f' => "false",
                'n' => "null",
                _ => null,
            };
            if (literal is null)
            {
                return false;
            }

            for (var i = 1; i < literal.Length; i++)
            {
                if (cursor.Peek(i) != literal[i])
                {
                    return false;
                }
            }

            cursor.Advance(literal.Length);
            return true;
        }

        private static bool SkipDigits(JsonTextCursor cursor)
        {
            var start = cursor.Position;
            while (cursor.Peek() is >= '0' and <= '9')
            {
                cursor.Advance(1);
            }

            return cursor.Position > start;
        }
    }
}
