using System;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// Reads one JSON string token and decodes it into a reused buffer, recording where each escape ends
    /// in the source so that a decoded character can be mapped back to the file. It accepts what
    /// System.Text.Json can decode with <c>GetString()</c>: a surrogate escape must be part of a
    /// high-low pair, because the configuration reader would throw on anything else.
    /// </summary>
    internal sealed class JsonStringDecoder
    {
        private readonly JsonTextCursor _cursor;

        // Pairs (decoded index, source end) of the escapes of the string being read; reused for every string.
        private int[] _escapes = new int[16];
        private int _escapeCount;

        public JsonStringDecoder(JsonTextCursor cursor)
        {
            _cursor = cursor;
        }

        /// <summary>
        /// Reads the string token at the cursor (which is on its opening quote) and appends its decoded
        /// characters to <paramref name="target"/>; false, with the cursor at the problem, when it is malformed.
        /// </summary>
        public bool Read(JsonCharBuffer target)
        {
            _escapeCount = 0;
            var decodedStart = target.Length;
            _cursor.Advance(1);
            while (true)
            {
                var c = _cursor.Peek();
                if (c == '"')
                {
                    _cursor.Advance(1);
                    return true;
                }

                if (c < 0x20)
                {
                    // The end of the text (-1) or a raw control character: both are errors in System.Text.Json.
                    return false;
                }

                if (c == '\\')
                {
                    if (!ReadEscape(target, decodedStart))
                    {
                        return false;
                    }
                }
                else if (char.IsSurrogate((char)c))
                {
                    // A raw lone surrogate cannot be transcoded to UTF-8: System.Text.Json rejects the text.
                    var next = _cursor.Peek(1);
                    if (!char.IsHighSurrogate((char)c) || next < 0 || !char.IsLowSurrogate((char)next))
                    {
                        return false;
                    }

                    target.Append((char)c);
                    target.Append((char)next);
                    _cursor.Advance(2);
                }
                else
                {
                    target.Append((char)c);
                    _cursor.Advance(1);
                }
            }
        }

        /// <summary>The escapes of the last string read, as pairs (decoded index, source end), or null when it had none.</summary>
        public int[]? TakeEscapes()
        {
            if (_escapeCount == 0)
            {
                return null;
            }

            var result = new int[_escapeCount * 2];
            Array.Copy(_escapes, result, result.Length);
            return result;
        }

        private bool ReadEscape(JsonCharBuffer target, int decodedStart)
        {
            char decoded;
            switch (_cursor.Peek(1))
            {
                case '"': decoded = '"'; break;
                case '\\': decoded = '\\'; break;
                case '/': decoded = '/'; break;
                case 'b': decoded = '\b'; break;
                case 'f': decoded = '\f'; break;
                case 'n': decoded = '\n'; break;
                case 'r': decoded = '\r'; break;
                case 't': decoded = '\t'; break;
                case 'u': return ReadUnicodeEscape(target, decodedStart);
                default: return false;
            }

            Append(target, decodedStart, decoded, 2);
            return true;
        }

        /// <summary><c>\uXXXX</c>, or a pair of them forming a surrogate pair; each escape is one decoded character.</summary>
        private bool ReadUnicodeEscape(JsonCharBuffer target, int decodedStart)
        {
            var unit = ReadHex4(2);
            if (unit < 0 || char.IsLowSurrogate((char)unit))
            {
                return false;
            }

            if (!char.IsHighSurrogate((char)unit))
            {
                Append(target, decodedStart, (char)unit, 6);
                return true;
            }

            var low = _cursor.Peek(6) == '\\' && _cursor.Peek(7) == 'u' ? ReadHex4(8) : -1;
            if (low < 0 || !char.IsLowSurrogate((char)low))
            {
                return false;
            }

            Append(target, decodedStart, (char)unit, 6);
            Append(target, decodedStart, (char)low, 6);
            return true;
        }

        private void Append(JsonCharBuffer target, int decodedStart, char decoded, int sourceLength)
        {
            _cursor.Advance(sourceLength);
            if (_escapeCount * 2 == _escapes.Length)
            {
                Array.Resize(ref _escapes, _escapes.Length * 2);
            }

            _escapes[_escapeCount * 2] = target.Length - decodedStart;
            _escapes[(_escapeCount * 2) + 1] = _cursor.Position;
            _escapeCount++;
            target.Append(decoded);
        }

        /// <summary>The value of the four hex digits starting <paramref name="ahead"/> characters after the cursor, or -1.</summary>
        private int ReadHex4(int ahead)
        {
            var value = 0;
            for (var i = 0; i < 4; i++)
            {
                var c = _cursor.Peek(ahead + i);
                int digit = c switch
                {
                    >= '0' and <= '9' => c - '0',
                    >= 'a' and <= 'f' => c - 'a' + 10,
                    >= 'A' and <= 'F' => c - 'A' + 10,
                    _ => -1,
                };
                if (digit < 0)
                {
                    return -1;
                }

                value = (value * 16) + digit;
            }

            return value;
        }
    }
}
