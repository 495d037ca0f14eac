using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// One text read by the reader and by <see cref="SystemTextJsonOracle"/>: same values in the same order when
    /// System.Text.Json accepts it, an invalid flag when it refuses it, and in every case exact spans and maps.
    /// </summary>
    internal static class ReaderAgreement
    {
        /// <summary>
        /// Reads <paramref name="json"/> with both and fails on any disagreement; returns the number of string values
        /// when System.Text.Json accepts the text, null when it refuses it.
        /// </summary>
        public static int? Check(string json)
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
                if (scan.IsValid)
                {
                    throw new Xunit.Sdk.XunitException($"System.Text.Json refuses, the reader accepts: {Show(json)}");
                }

                return null;
            }

            var actual = scan.Values.Select(v => (v.KeyPath, v.Value)).ToList();
            if (!scan.IsValid || !actual.SequenceEqual(expected))
            {
                throw new Xunit.Sdk.XunitException(
                    $"Disagreement on {Show(json)}\nvalid: {scan.IsValid} at {scan.ErrorPosition}\nexpected: {string.Join(" | ", expected)}\nactual:   {string.Join(" | ", actual)}");
            }

            return expected.Count;
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

        public static string Show(string json) => System.Text.Json.JsonSerializer.Serialize(json);
    }
}
