using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// The reader against System.Text.Json as the configuration reader uses it, over generated documents and
    /// their mutants. Where System.Text.Json accepts a text, the reader yields the same (key path, value) pairs
    /// in the same order; where it refuses one, the reader flags the text invalid. The one deliberate
    /// difference: a leading byte order mark, which the configuration reader's StreamReader drops before
    /// System.Text.Json sees the text, is skipped by the reader and dropped by the oracle.
    /// </summary>
    public sealed class JsonDifferentialTests
    {
        private const int Documents = 3000;
        private const int MutantsPerDocument = 4;

        private readonly ITestOutputHelper _output;

        public JsonDifferentialTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(1)]
        [InlineData(20261206)]
        public void Agrees_with_System_Text_Json_on_generated_and_mutated_documents(int seed)
        {
            var generator = new RandomJsonDocuments(seed);
            var accepted = 0;
            var refused = 0;
            var values = 0;
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < Documents; i++)
            {
                var document = generator.Next();
                Compare(document, ref accepted, ref refused, ref values);
                for (var m = 0; m < MutantsPerDocument; m++)
                {
                    Compare(generator.Mutate(document), ref accepted, ref refused, ref values);
                }
            }

            _output.WriteLine($"seed {seed}: {accepted} accepted, {refused} refused, {values} string values, {stopwatch.ElapsedMilliseconds} ms");

            // The generator must reach both sides, or the comparison proves little.
            Assert.InRange(accepted, Documents / 2, int.MaxValue);
            Assert.InRange(refused, Documents / 2, int.MaxValue);
        }

        [Theory]
        [InlineData("\uFEFF{\"a\": \"x\"}")]
        [InlineData("\uFEFF[]")]
        public void A_leading_byte_order_mark_is_the_one_documented_leniency(string json)
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => System.Text.Json.JsonDocument.Parse(json));
            Assert.True(JsonStringValueReader.Read(SourceText.From(json)).IsValid);
            Assert.NotNull(SystemTextJsonOracle.StringValues(json));
        }

        private static void Compare(string json, ref int accepted, ref int refused, ref int valueCount)
        {
            var expected = SystemTextJsonOracle.StringValues(json);
            JsonStringValueScan scan;
            try
            {
                scan = JsonStringValueReader.Read(SourceText.From(json));
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException($"The reader threw {ex.GetType().Name} on {Show(json)}: {ex}");
            }

            AssertSpansAndMapsAreExact(json, scan);
            if (expected is null)
            {
                refused++;
                if (scan.IsValid)
                {
                    throw new Xunit.Sdk.XunitException($"System.Text.Json refuses, the reader accepts: {Show(json)}");
                }

                return;
            }

            accepted++;
            valueCount += expected.Count;
            var actual = scan.Values.Select(v => (v.KeyPath, v.Value)).ToList();
            if (!scan.IsValid || !actual.SequenceEqual(expected))
            {
                throw new Xunit.Sdk.XunitException(
                    $"Disagreement on {Show(json)}\nvalid: {scan.IsValid} at {scan.ErrorPosition}\nexpected: {string.Join(" | ", expected)}\nactual:   {string.Join(" | ", actual)}");
            }
        }

        /// <summary>Every value, in valid and invalid texts alike: its span is its token, and each decoded character maps to its own source.</summary>
        private static void AssertSpansAndMapsAreExact(string json, JsonStringValueScan scan)
        {
            foreach (var value in scan.Values)
            {
                Assert.Equal('"', json[value.Span.Start]);
                Assert.Equal('"', json[value.Span.End - 1]);
                Assert.Equal(value.ContentSpan, value.GetSourceSpan(0, value.Value.Length));
                for (var i = 0; i < value.Value.Length; i++)
                {
                    var span = value.GetSourceSpan(i, 1);
                    var source = json.Substring(span.Start, span.Length);
                    if (DecodeOne(source) != value.Value[i])
                    {
                        throw new Xunit.Sdk.XunitException($"Character {i} of '{value.Value}' maps to '{source}' in {Show(json)}");
                    }
                }
            }
        }

        /// <summary>The one character that a raw character or a single escape stands for.</summary>
        private static char DecodeOne(string source)
        {
            if (source.Length == 1)
            {
                return source[0];
            }

            if (source.Length == 6 && source.StartsWith("\\u", StringComparison.Ordinal))
            {
                return (char)int.Parse(source.Substring(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            return source switch
            {
                "\\\"" => '"',
                "\\\\" => '\\',
                "\\/" => '/',
                "\\b" => '\b',
                "\\f" => '\f',
                "\\n" => '\n',
                "\\r" => '\r',
                "\\t" => '\t',
                _ => throw new Xunit.Sdk.XunitException($"'{source}' is not one character or escape"),
            };
        }

        private static string Show(string json) => System.Text.Json.JsonSerializer.Serialize(json);
    }
}
