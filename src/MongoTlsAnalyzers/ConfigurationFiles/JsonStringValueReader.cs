using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// Finds every string value of a JSON configuration file, with its key path and exact position, in one
    /// forward pass. It accepts what the .NET configuration reader accepts (comments, trailing commas) and
    /// nothing more, never throws on malformed text (it stops and says so), and never recurses: nesting is
    /// tracked in fixed arrays bounded by <see cref="MaxDepth"/>.
    /// </summary>
    internal static class JsonStringValueReader
    {
        /// <summary>Longer files are not read at all (§3b: the reading must stay cheap). Callers check first.</summary>
        public const int MaxFileLength = 1_048_576;

        /// <summary>System.Text.Json's default <c>MaxDepth</c>, which the configuration reader keeps: deeper files fail to load.</summary>
        public const int MaxDepth = 64;

        private enum Expect
        {
            /// <summary>A value: at the root, or after a colon.</summary>
            Value,

            /// <summary>An array element or <c>]</c>: after <c>[</c>, and after a comma since trailing commas are allowed.</summary>
            ElementOrEnd,

            /// <summary>A property name or <c>}</c>: after <c>{</c>, and after a comma.</summary>
            KeyOrEnd,

            /// <summary>A comma or the container's end, or the end of the text after the root value.</summary>
            AfterValue,
        }

        public static JsonStringValueScan Read(SourceText text, CancellationToken cancellationToken = default)
        {
            if (text.Length > MaxFileLength)
            {
                return JsonStringValueScan.TooLarge;
            }

            var cursor = new JsonTextCursor(text, cancellationToken);
            var strings = new JsonStringDecoder(cursor);
            var path = new JsonKeyPathBuilder(MaxDepth);
            var valueBuffer = new JsonCharBuffer();
            var values = ImmutableArray.CreateBuilder<JsonStringValue>();

            // Per open container (index = depth, 1 for the root): whether it is an array, and its next element index.
            var isArray = new bool[MaxDepth + 1];
            var nextIndex = new int[MaxDepth + 1];
            var depth = 0;
            var rootIsObject = false;
            var expect = Expect.Value;

            JsonTrivia.SkipByteOrderMark(cursor);
            while (true)
            {
                if (!JsonTrivia.SkipWhitespaceAndComments(cursor))
                {
                    return Stop(values, rootIsObject, cursor);
                }

                var c = cursor.Peek();
                switch (expect)
                {
                    case Expect.AfterValue:
                        if (depth == 0)
                        {
                            return c == -1 ? new JsonStringValueScan(values.ToImmutable(), isValid: true, rootIsObject, errorPosition: -1) : Stop(values, rootIsObject, cursor);
                        }

                        if (c == ',')
                        {
                            cursor.Advance(1);
                            expect = isArray[depth] ? Expect.ElementOrEnd : Expect.KeyOrEnd;
                        }
                        else if (c == (isArray[depth] ? ']' : '}'))
                        {
                            cursor.Advance(1);
                            depth--;
                        }
                        else
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        continue;

                    case Expect.KeyOrEnd:
                        if (c == '}')
                        {
                            cursor.Advance(1);
                            depth--;
                            expect = Expect.AfterValue;
                            continue;
                        }

                        if (c != '"')
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        path.BeginKey(depth);
                        if (!strings.Read(path.Buffer))
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        path.EndKey(depth);
                        JsonTrivia.SkipWhitespace(cursor);
                        if (cursor.Peek() != ':')
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        cursor.Advance(1);
                        expect = Expect.Value;
                        continue;

                    case Expect.ElementOrEnd:
                        if (c == ']')
                        {
                            cursor.Advance(1);
                            depth--;
                            expect = Expect.AfterValue;
                            continue;
                        }

                        path.SetIndex(depth, nextIndex[depth]++);
                        break;
                }

                // A value starts here: under a key, as an array element, or as the root.
                expect = Expect.AfterValue;
                switch (c)
                {
                    case '{':
                    case '[':
                        if (depth == MaxDepth)
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        cursor.Advance(1);
                        depth++;
                        isArray[depth] = c == '[';
                        nextIndex[depth] = 0;
                        rootIsObject |= depth == 1 && c == '{';
                        expect = c == '[' ? Expect.ElementOrEnd : Expect.KeyOrEnd;
                        break;

                    case '"':
                        var start = cursor.Position;
                        if (!strings.Read(valueBuffer))
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        values.Add(new JsonStringValue(
                            path.PathAt(depth),
                            valueBuffer.ToString(),
                            TextSpan.FromBounds(start, cursor.Position),
                            strings.TakeEscapes(),
                            path.SegmentsAt(depth)));
                        valueBuffer.Truncate(0);
                        break;

                    case '-':
                    case >= '0' and <= '9':
                        if (!JsonScalars.SkipNumber(cursor))
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        break;

                    default:
                        if (!JsonScalars.SkipLiteral(cursor))
                        {
                            return Stop(values, rootIsObject, cursor);
                        }

                        break;
                }
            }
        }

        /// <summary>Malformed text: what was read so far, with the place where reading stopped.</summary>
        private static JsonStringValueScan Stop(ImmutableArray<JsonStringValue>.Builder values, bool rootIsObject, JsonTextCursor cursor) =>
            new JsonStringValueScan(values.ToImmutable(), isValid: false, rootIsObject, cursor.Position);
    }
}
