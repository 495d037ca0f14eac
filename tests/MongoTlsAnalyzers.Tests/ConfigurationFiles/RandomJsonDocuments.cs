using System;
using System.Text;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// A seeded generator of configuration-like JSON that exercises every corner the reader must agree with
    /// System.Text.Json on: comments in every gap (some where they are not allowed), trailing commas,
    /// escapes of every kind including surrogate pairs, raw non-ASCII text, numbers at the edge of the grammar,
    /// deep nesting around the depth limit; and mutations that delete, insert, replace and duplicate text.
    /// </summary>
    internal sealed class RandomJsonDocuments
    {
        private static readonly string[] Pieces =
        {
            "mongodb://", "mongodb+srv://", "user", ":", "p@ss", "@", "host", ".example.com", "/db", "?", "tls=true", "&",
            "tlsInsecure=true", "x", "é", "日本", "\U0001F600", " ", "%40", "{0}", "\u2028", "\u007F", "\uFFFD",
        };

        private static readonly string[] Escapes =
        {
            "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\n", "\\r", "\\t", "\\u0040", "\\u00e9", "\\u00E9", "\\u0000", "\\u003A",
            "\\uD83D\\uDE00", "\\ud83d\\ude00", "\\uDBFF\\uDFFF",
        };

        private static readonly string[] Numbers =
        {
            "0", "-0", "1", "42", "-17", "3.25", "0.5e10", "1E+2", "2e-3", "-0.0E0", "12345678901234567890",
        };

        private static readonly string[] Whitespace = { " ", "\t", "\n", "\r\n", "  ", "\r" };

        private static readonly string[] Comments = { "/* c */", "/**/", "/***/", "/* * / */", "// line\n", "//\n", "/* \u2028 */", "// x\r" };

        /// <summary>Characters that a mutation inserts: structure, escapes, and text System.Text.Json refuses.</summary>
        private static readonly string[] Noise =
        {
            "\"", "\\", "/", "*", ",", ":", "{", "}", "[", "]", "\n", "\u2028", "\uD800", "\uDC00", "\uFEFF", "\0", "u",
            "0", "-", "e", ".", " ", "x", "\t", "t", "n", "//", "/*", "*/", "\\u", "\\uD83D", "'", "\u00A0",
        };

        private readonly Random _random;
        private readonly StringBuilder _text = new StringBuilder();
        private int _deepTarget;

        public RandomJsonDocuments(int seed)
        {
            _random = new Random(seed);
        }

        public string Next()
        {
            _text.Clear();
            Gap();
            if (_random.Next(20) == 0)
            {
                // Containers nest to a depth around the limit of 64, on both sides of it.
                _deepTarget = 60 + _random.Next(9);
                Value(0, deep: true);
            }
            else if (_random.Next(15) == 0)
            {
                Value(0, deep: false);
            }
            else
            {
                Object(0, deep: false);
            }

            Gap();
            return _text.ToString();
        }

        /// <summary>One to three random edits; most mutants are invalid, some stay valid with different values.</summary>
        public string Mutate(string document)
        {
            var text = new StringBuilder(document);
            var edits = 1 + _random.Next(3);
            for (var i = 0; i < edits; i++)
            {
                var at = _random.Next(text.Length + 1);
                switch (_random.Next(5))
                {
                    case 0 when text.Length > 0:
                        text.Remove(Math.Min(at, text.Length - 1), 1);
                        break;
                    case 1:
                        text.Insert(at, Pick(Noise));
                        break;
                    case 2 when at < text.Length:
                        text[at] = Pick(Noise)[0];
                        break;
                    case 3 when text.Length > 0:
                        var start = _random.Next(text.Length);
                        var length = _random.Next(Math.Min(20, text.Length - start) + 1);
                        text.Insert(at, text.ToString(start, length));
                        break;
                    default:
                        text.Length = at;
                        break;
                }
            }

            return text.ToString();
        }

        private void Value(int depth, bool deep)
        {
            if (deep)
            {
                if (depth >= _deepTarget)
                {
                    String();
                }
                else if (_random.Next(2) == 0)
                {
                    Object(depth + 1, deep: true);
                }
                else
                {
                    Array(depth + 1, deep: true);
                }

                return;
            }

            var containerOdds = depth < 3 ? 4 : depth < 6 ? 1 : 0;
            switch (_random.Next(containerOdds + 5))
            {
                case 0:
                case 1:
                    String();
                    return;
                case 2:
                    _text.Append(Pick(Numbers));
                    return;
                case 3:
                    _text.Append(Pick(new[] { "true", "false", "null" }));
                    return;
                case 4:
                    String();
                    return;
                default:
                    if (_random.Next(2) == 0)
                    {
                        Object(depth + 1, deep: false);
                    }
                    else
                    {
                        Array(depth + 1, deep: false);
                    }

                    return;
            }
        }

        private void Object(int depth, bool deep)
        {
            _text.Append('{');
            var count = deep ? 1 : _random.Next(5);
            for (var i = 0; i < count; i++)
            {
                Gap();
                String(key: true);

                // Whitespace only: a comment here is refused by System.Text.Json, and that case is made 1 time in 40.
                if (_random.Next(40) == 0)
                {
                    _text.Append(Pick(Comments));
                }
                else if (_random.Next(3) == 0)
                {
                    _text.Append(Pick(Whitespace));
                }

                _text.Append(':');
                Gap();
                Value(depth, deep);
                Gap();
                if (i < count - 1 || _random.Next(4) == 0)
                {
                    _text.Append(',');
                }
            }

            Gap();
            _text.Append('}');
        }

        private void Array(int depth, bool deep)
        {
            _text.Append('[');
            var count = deep ? 1 : _random.Next(5);
            for (var i = 0; i < count; i++)
            {
                Gap();
                Value(depth, deep);
                Gap();
                if (i < count - 1 || _random.Next(4) == 0)
                {
                    _text.Append(',');
                }
            }

            Gap();
            _text.Append(']');
        }

        private void String(bool key = false)
        {
            _text.Append('"');
            var parts = key ? _random.Next(4) : _random.Next(10);
            for (var i = 0; i < parts; i++)
            {
                _text.Append(_random.Next(4) == 0 ? Pick(Escapes) : key ? Pick(new[] { "Mongo", "DB", ":", "é", "0", "" }) : Pick(Pieces));
            }

            _text.Append('"');
        }

        private void Gap()
        {
            switch (_random.Next(8))
            {
                case 0:
                    _text.Append(Pick(Comments));
                    break;
                case 1:
                case 2:
                    _text.Append(Pick(Whitespace));
                    break;
            }
        }

        private string Pick(string[] choices) => choices[_random.Next(choices.Length)];
    }
}
