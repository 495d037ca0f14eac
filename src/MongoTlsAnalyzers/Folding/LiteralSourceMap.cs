using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// Maps a range of a string literal's value back to the source text, walking escape sequences, so
    /// that a diagnostic can underline just one option inside a long connection string.
    /// </summary>
    internal static class LiteralSourceMap
    {
        public static bool TryMapSpan(SyntaxNode literal, int valueStart, int valueLength, out TextSpan span)
        {
            span = default;
            if (literal is not LiteralExpressionSyntax { Token: var token } || valueStart < 0 || valueLength < 0)
            {
                return false;
            }

            var text = token.Text;
            int contentStart;
            int contentEnd;
            bool verbatim;
            bool raw = false;
            switch ((SyntaxKind)token.RawKind)
            {
                case SyntaxKind.StringLiteralToken:
                    verbatim = text.StartsWith("@", System.StringComparison.Ordinal);
                    contentStart = verbatim ? 2 : 1;
                    contentEnd = text.Length - 1;
                    break;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                    verbatim = false;
                    raw = true;
                    var quotes = 0;
                    while (quotes < text.Length && text[quotes] == '"')
                    {
                        quotes++;
                    }

                    contentStart = quotes;
                    contentEnd = text.Length - quotes;
                    break;
                default:
                    return false;
            }

            if (contentEnd < contentStart)
            {
                return false;
            }

            // Walk the source, counting value characters, until both ends of the range are found.
            var valueIndex = 0;
            var sourceStart = -1;
            var position = contentStart;
            var targetEnd = valueStart + valueLength;
            while (position <= contentEnd)
            {
                if (valueIndex == valueStart && sourceStart < 0)
                {
                    sourceStart = position;
                }

                if (valueIndex == targetEnd)
                {
                    if (sourceStart < 0)
                    {
                        return false;
                    }

                    span = TextSpan.FromBounds(token.SpanStart + sourceStart, token.SpanStart + position);
                    return true;
                }

                if (position == contentEnd)
                {
                    break;
                }

                int sourceLength;
                int valueChars;
                if (raw)
                {
                    sourceLength = 1;
                    valueChars = 1;
                }
                else if (verbatim)
                {
                    sourceLength = text[position] == '"' && position + 1 < contentEnd && text[position + 1] == '"' ? 2 : 1;
                    valueChars = 1;
                }
                else if (!TryMeasureEscape(text, position, contentEnd, out sourceLength, out valueChars))
                {
                    return false;
                }

                // A range boundary inside a surrogate pair escape cannot be mapped.
                if (valueChars == 2 && (valueStart == valueIndex + 1 || targetEnd == valueIndex + 1))
                {
                    return false;
                }

                position += sourceLength;
                valueIndex += valueChars;
            }

            return false;
        }

        // The length in source and in value of the character (or escape sequence) at position.
        private static bool TryMeasureEscape(string text, int position, int end, out int sourceLength, out int valueChars)
        {
            valueChars = 1;
            if (text[position] != '\\')
            {
                sourceLength = 1;
                return true;
            }

            if (position + 1 >= end)
            {
                sourceLength = 0;
                return false;
            }

            switch (text[position + 1])
            {
                case 'u':
                    sourceLength = 6;
                    return position + sourceLength <= end;
                case 'U':
                    sourceLength = 10;
                    if (position + sourceLength > end)
                    {
                        return false;
                    }

                    // Code points above U+FFFF become a surrogate pair in the value.
                    var hex = text.Substring(position + 2, 8);
                    if (uint.TryParse(hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var codePoint) && codePoint > 0xFFFF)
                    {
                        valueChars = 2;
                    }

                    return true;
                case 'x':
                    // \x followed by one to four hex digits.
                    var length = 2;
                    while (length < 6 && position + length < end && IsHex(text[position + length]))
                    {
                        length++;
                    }

                    sourceLength = length;
                    return length > 2;
                default:
                    sourceLength = 2;
                    return true;
            }
        }

        private static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
