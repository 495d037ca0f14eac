using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>Malformed files never crash the reader and never yield a value with a wrong span.</summary>
    public sealed class JsonMalformedInputTests
    {
        private const string Sample = "{\n  // comment\n  \"ConnectionStrings\": { \"MongoDB\": \"mongodb://u:p\\u0040ss@db.example.com/?tls=true\", \"List\": [\"a\", \"b\",] },\n  /* block */ \"Other\": \"x\"\n}\n";

        private static JsonStringValueScan Read(string json) => JsonStringValueReader.Read(SourceText.From(json));

        /// <summary>A value that is reported must be exactly the string token its span covers.</summary>
        private static void AssertSpansAreExact(string json, JsonStringValueScan scan)
        {
            foreach (var value in scan.Values)
            {
                Assert.Equal('"', json[value.Span.Start]);
                Assert.Equal('"', json[value.Span.End - 1]);
                Assert.Equal(value.Value, System.Text.Json.JsonSerializer.Deserialize<string>(json.Substring(value.Span.Start, value.Span.Length)));
            }
        }

        [Fact]
        public void Every_truncation_of_a_valid_file_is_invalid_or_complete_and_keeps_exact_spans()
        {
            for (var length = 0; length < Sample.Length; length++)
            {
                var json = Sample.Substring(0, length);
                var scan = Read(json);

                // Only the text up to the closing brace (and its newline) is the whole document.
                Assert.Equal(length >= Sample.Length - 1, scan.IsValid);
                AssertSpansAreExact(json, scan);
                if (!scan.IsValid)
                {
                    Assert.InRange(scan.ErrorPosition, 0, length);
                }
            }

            Assert.Equal(4, Read(Sample).Values.Length);
        }

        [Theory]
        [InlineData("{\"a\": \"unterminated", 0)]
        [InlineData("{\"a\": \"x\", \"b\": \"unterminated\n\"}", 1)]
        [InlineData("{\"a\": \"x\" /* unterminated", 1)]
        [InlineData("{\"a\": \"x\" } /* unterminated", 1)]
        [InlineData("{\"a\": \"x\", \"b\": \"\\u12\"}", 1)]
        [InlineData("{\"a\": \"x\", \"b\": \"\\x41\"}", 1)]
        [InlineData("{\"a\": \"x\", \"b\": \"\\uD800\"}", 1)]
        [InlineData("{\"a\": \"x\", \"b\": \"\\uDC00\\uD800\"}", 1)]
        [InlineData("{\"a\": \"x\" \"b\": \"y\"}", 1)]
        [InlineData("{\"a\": \"x\", b: \"y\"}", 1)]
        [InlineData("{\"a\": 'x'}", 0)]
        [InlineData("{\"a\": \"x\", \"n\": 01}", 1)]
        [InlineData("{\"a\": \"x\", \"n\": 1.}", 1)]
        [InlineData("{\"a\": \"x\", \"t\": tru}", 1)]
        [InlineData("{\"a\": \"x\", \"t\": True}", 1)]
        [InlineData("{\"a\": \"x\"}}", 1)]
        [InlineData("{\"a\": \"x\"} {}", 1)]
        [InlineData("{\"a\": \"x\",,}", 1)]
        [InlineData("{,\"a\": \"x\"}", 0)]
        [InlineData("[\"x\" ]]", 1)]
        [InlineData("{\"a\": [\"x\"}", 1)]
        [InlineData("{\"a\": \"x\"} /", 1)]
        [InlineData("{\"a\": \"x\"} // c \u2028", 1)]
        [InlineData("", 0)]
        [InlineData("   // only a comment", 0)]
        [InlineData("\0", 0)]
        [InlineData("{\"a\": \"x\"}\0", 1)]
        [InlineData("{\"a\": \"x\", \"b\": \"tab\there\"}", 1)]
        public void Malformed_text_stops_with_what_was_read_before_the_error(string json, int valuesBefore)
        {
            var scan = Read(json);

            Assert.False(scan.IsValid);
            Assert.Equal(valuesBefore, scan.Values.Length);
            Assert.InRange(scan.ErrorPosition, 0, json.Length);
            AssertSpansAreExact(json, scan);
        }

        [Fact]
        public void Nesting_ten_thousand_deep_stops_cleanly_at_the_configuration_readers_depth()
        {
            var deepArrays = new string('[', 10_000) + "\"x\"" + new string(']', 10_000);
            var deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "\"x\"" + new string('}', 10_000);

            foreach (var json in new[] { deepArrays, deepObjects })
            {
                var scan = Read(json);
                Assert.False(scan.IsValid);
                Assert.Empty(scan.Values);
            }
        }

        [Fact]
        public void Depth_64_is_read_and_depth_65_is_not_as_in_System_Text_Json()
        {
            string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"k\":", depth - 1)) + "[\"x\"]" + new string('}', depth - 1);

            var ok = Read(Nested(JsonStringValueReader.MaxDepth));
            Assert.True(ok.IsValid);
            Assert.Equal(string.Join(":", Enumerable.Repeat("k", 63)) + ":0", Assert.Single(ok.Values).KeyPath);

            Assert.False(Read(Nested(JsonStringValueReader.MaxDepth + 1)).IsValid);
        }

        [Fact]
        public void A_5_MB_file_is_skipped_by_the_length_check_without_being_read()
        {
            var json = "{\"a\": \"" + new string('x', 5 * 1024 * 1024) + "\"}";

            var scan = Read(json);

            Assert.True(scan.WasSkipped);
            Assert.Empty(scan.Values);
        }

        [Fact]
        public void Invalid_UTF8_decoded_into_SourceText_reads_as_replacement_characters()
        {
            var bytes = Encoding.UTF8.GetBytes("{\"a\": \"mongodb://u:pw@host/\u00e9\", \"b\": \"x\"}").ToList();
            var e9 = bytes.IndexOf(0xC3);
            bytes[e9] = 0xFF; // an invalid lead byte
            bytes.Insert(0, 0xC0); // and an invalid byte before the object
            var text = SourceText.From(new System.IO.MemoryStream(bytes.ToArray()), Encoding.UTF8);

            var scan = JsonStringValueReader.Read(text);

            // The bad byte before the object makes the file invalid; nothing is read past it.
            Assert.False(scan.IsValid);
            Assert.Empty(scan.Values);

            bytes.RemoveAt(0);
            var inString = JsonStringValueReader.Read(SourceText.From(new System.IO.MemoryStream(bytes.ToArray()), Encoding.UTF8));
            Assert.True(inString.IsValid);
            Assert.Contains('\uFFFD', inString.Values[0].Value);
            Assert.Equal("x", inString.Values[1].Value);
        }

        [Fact]
        public void A_raw_lone_surrogate_is_refused_as_System_Text_Json_cannot_transcode_it()
        {
            Assert.False(Read("{\"a\": \"\uD800\"}").IsValid);
            Assert.False(Read("{\"a\": \"x\"} /* \uDC00 */").IsValid);
            Assert.False(Read("{\"a\": \"x\"} // \uD800").IsValid);
            Assert.True(Read("{\"a\": \"\uD83D\uDE00\"} // \uD83D\uDE00").IsValid);
        }

        [Fact]
        public void A_byte_order_mark_is_skipped_once_as_the_configuration_readers_StreamReader_does()
        {
            var withBom = Read("\uFEFF{\"a\": \"x\"}");
            Assert.True(withBom.IsValid);
            Assert.Equal(8, Assert.Single(withBom.Values).ContentSpan.Start); // positions count the mark

            var fromBytes = JsonStringValueReader.Read(SourceText.From(new System.IO.MemoryStream(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'[', (byte)'"', (byte)'x', (byte)'"', (byte)']' }), Encoding.UTF8));
            Assert.True(fromBytes.IsValid);
            Assert.Equal("x", Assert.Single(fromBytes.Values).Value);

            Assert.False(Read("\uFEFF\uFEFF{}").IsValid);
            Assert.False(Read(" \uFEFF{}").IsValid);
        }

        [Fact]
        public void Duplicate_keys_are_valid_JSON_and_both_values_are_kept()
        {
            var scan = Read("{\"Mongo\": \"mongodb://a\", \"mongo\": \"mongodb://b\", \"Mongo\": \"mongodb://c\"}");

            // System.Text.Json accepts this; the configuration reader refuses it at start-up, but every value is
            // in the committed file, so each may still leak a password.
            Assert.True(scan.IsValid);
            Assert.Equal(new[] { "Mongo", "mongo", "Mongo" }, scan.Values.Select(v => v.KeyPath));
        }

        [Theory]
        [InlineData("[{\"profiles\": {}}]")]
        [InlineData("\"profiles\"")]
        [InlineData("42")]
        [InlineData("null")]
        public void A_launchSettings_file_that_is_not_an_object_gives_no_environment_variable(string json)
        {
            var role = ConfigurationFileRole.FromPath("/src/App/Properties/launchSettings.json");
            var scan = Read(json);

            Assert.True(scan.IsValid);
            Assert.False(scan.RootIsObject);
            Assert.DoesNotContain(scan.Values, role.Includes);
        }
    }
}
