using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
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
        /// <summary>
        /// One table per literal, built on first use: mapping each option of a URI with thousands of options by
        /// walking the literal from its start every time was quadratic (seconds per analyzer).
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxNode, ValueMap> Maps = new ConditionalWeakTable<SyntaxNode, ValueMap>();

        public static bool TryMapSpan(SyntaxNode literal, int valueStart, int valueLength, out TextSpan span)
        {
            span = default;
            if (literal is not LiteralExpressionSyntax { Token: var token } || valueStart < 0 || valueLength < 0)
            {
                return false;
            }

            var map = Maps.GetValue(literal, _ => ValueMap.Build(token));
            var start = map.SourceOffset(valueStart);
            var end = map.SourceOffset(valueStart + valueLength);
            if (start < 0 || end < 0)
            {
                return false;
            }

            span = TextSpan.FromBounds(token.SpanStart + start, token.SpanStart + end);
            return true;
        }

        /// <summary>Where each value index (a range boundary) starts in the token text.</summary>
        private sealed class ValueMap
        {
            private static readonly ValueMap Unmappable = new ValueMap(null, 0, -1);

            // Null when every value character is one source character: the offset is then _contentStart + index.
            private readonly int[]? _offsets;
            private readonly int _contentStart;
            private readonly int _valueLength;

            private ValueMap(int[]? offsets, int contentStart, int valueLength)
            {
                _offsets = offsets;
                _contentStart = contentStart;
                _valueLength = valueLength;
            }

            /// <summary>The token-text offset of a boundary before value index <paramref name="index"/>, or -1 when it cannot be mapped.</summary>
            public int SourceOffset(int index)
            {
                if (index < 0 || index > _valueLength)
                {
                    return -1;
                }

                return _offsets is null ? _contentStart + index : _offsets[index];
            }

            public static ValueMap Build(SyntaxToken token)
            {
                var text = token.Text;
                int contentStart;
                int contentEnd;
                bool verbatim;
                bool raw = false;
                switch ((SyntaxKind)token.RawKind)
                {
                    case SyntaxKind.StringLiteralToken:
                        verbatim = text.StartsWith("@", StringComparison.Ordinal);
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
                        return Unmappable;
                }

                if (contentEnd < contentStart)
                {
                    return Unmappable;
                }

                var escape = verbatim ? '"' : '\\';
                if (raw || text.IndexOf(escape, contentStart, contentEnd - contentStart) < 0)
                {
                    return new ValueMap(null, contentStart, contentEnd - contentStart);
                }

                // Walk the source once, recording where each value character starts. A boundary inside a surrogate
                // pair written as one escape cannot be mapped (-1); the table stops at an escape it cannot measure.
                var offsets = new List<int>(contentEnd - contentStart + 1);
                var position = contentStart;
                while (position <= contentEnd)
                {
                    offsets.Add(position);
                    if (position == contentEnd)
                    {
                        break;
                    }

                    int sourceLength;
                    int valueChars;
                    if (verbatim)
                    {
                        sourceLength = text[position] == '"' && position + 1 < contentEnd && text[position + 1] == '"' ? 2 : 1;
                        valueChars = 1;
                    }
                    else if (!TryMeasureEscape(text, position, contentEnd, out sourceLength, out valueChars))
                    {
                        break;
                    }

                    if (valueChars == 2)
                    {
                        offsets.Add(-1);
                    }

                    position += sourceLength;
                }

                return new ValueMap(offsets.ToArray(), contentStart, offsets.Count - 1);
            }
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
                    if (uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint) && codePoint > 0xFFFF)
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
