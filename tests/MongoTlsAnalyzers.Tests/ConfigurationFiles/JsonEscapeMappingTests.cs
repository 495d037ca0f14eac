using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>A diagnostic on a decoded character must land on the escape that wrote it.</summary>
    public sealed class JsonEscapeMappingTests
    {
        private static (string Json, JsonStringValue Value) ReadOne(string content)
        {
            var json = "{ \"ConnectionStrings\": { \"MongoDB\": \"" + content + "\" } }";
            var scan = JsonStringValueReader.Read(SourceText.From(json));
            Assert.True(scan.IsValid);
            return (json, Assert.Single(scan.Values));
        }

        private static string SourceOf(string json, TextSpan span) => json.Substring(span.Start, span.Length);

        [Fact]
        public void An_at_sign_written_as_u0040_maps_to_the_escape()
        {
            var (json, value) = ReadOne(@"mongodb://user:p\u0040ss@host");

            Assert.Equal("mongodb://user:p@ss@host", value.Value);
            Assert.True(value.HasEscapes);
            Assert.Equal(@"\u0040", SourceOf(json, value.GetSourceSpan(16, 1)));
            Assert.Equal(@"p\u0040ss", SourceOf(json, value.GetSourceSpan(15, 4)));
            Assert.Equal("@host", SourceOf(json, value.GetSourceSpan(19, 5)));
            Assert.Equal("mongodb://user:", SourceOf(json, value.GetSourceSpan(0, 15)));
        }

        [Fact]
        public void An_escaped_slash_maps_to_its_two_characters()
        {
            var (json, value) = ReadOne(@"mongodb:\/\/host\/db?tlsCAFile=\/etc\/ca.pem");

            Assert.Equal("mongodb://host/db?tlsCAFile=/etc/ca.pem", value.Value);
            var option = value.Value.IndexOf("tlsCAFile", System.StringComparison.Ordinal);
            Assert.Equal(@"tlsCAFile=\/etc\/ca.pem", SourceOf(json, value.GetSourceSpan(option, value.Value.Length - option)));
            Assert.Equal(@"\/", SourceOf(json, value.GetSourceSpan(8, 1)));
            Assert.Equal(@"mongodb:\/\/host", SourceOf(json, value.GetSourceSpan(0, 14)));
        }

        [Fact]
        public void Each_half_of_an_escaped_surrogate_pair_maps_to_its_own_escape()
        {
            var (json, value) = ReadOne(@"a\uD83D\uDE00b\ud83d\ude00");

            Assert.Equal("a\U0001F600b\U0001F600", value.Value);
            Assert.Equal(@"\uD83D\uDE00", SourceOf(json, value.GetSourceSpan(1, 2)));
            Assert.Equal(@"\uD83D", SourceOf(json, value.GetSourceSpan(1, 1)));
            Assert.Equal(@"\uDE00", SourceOf(json, value.GetSourceSpan(2, 1)));
            Assert.Equal("b", SourceOf(json, value.GetSourceSpan(3, 1)));
            Assert.Equal(@"\ud83d\ude00", SourceOf(json, value.GetSourceSpan(4, 2)));
        }

        [Fact]
        public void A_raw_surrogate_pair_is_two_characters_in_both_texts()
        {
            var (json, value) = ReadOne("x\U0001F600y");

            Assert.False(value.HasEscapes);
            Assert.Equal("y", SourceOf(json, value.GetSourceSpan(3, 1)));
        }

        [Theory]
        [InlineData(@"\""", "\"")]
        [InlineData(@"\\", "\\")]
        [InlineData(@"\/", "/")]
        [InlineData(@"\b", "\b")]
        [InlineData(@"\f", "\f")]
        [InlineData(@"\n", "\n")]
        [InlineData(@"\r", "\r")]
        [InlineData(@"\t", "\t")]
        [InlineData(@"\u00e9", "\u00e9")]
        [InlineData(@"\u00E9", "\u00e9")]
        [InlineData(@"\u0000", "\0")]
        public void Every_escape_decodes_and_maps_back(string escape, string decoded)
        {
            var (json, value) = ReadOne("<" + escape + ">");

            Assert.Equal("<" + decoded + ">", value.Value);
            Assert.Equal(escape, SourceOf(json, value.GetSourceSpan(1, 1)));
            Assert.Equal(">", SourceOf(json, value.GetSourceSpan(2, 1)));
            Assert.Equal("<", SourceOf(json, value.GetSourceSpan(0, 1)));
            Assert.Equal(value.ContentSpan, value.GetSourceSpan(0, value.Value.Length));
        }

        [Fact]
        public void Positions_are_clamped_into_the_value_so_a_wrong_offset_never_throws()
        {
            var (_, value) = ReadOne(@"ab\u0040");

            Assert.Equal(value.ContentSpan.Start, value.GetSourcePosition(-5));
            Assert.Equal(value.ContentSpan.End, value.GetSourcePosition(100));
            Assert.Equal(value.ContentSpan.End, value.GetSourceSpan(2, int.MaxValue).End);
            Assert.Equal(0, value.GetSourceSpan(1, -3).Length);
        }

        [Fact]
        public void A_mapped_span_gives_the_line_and_column_a_diagnostic_in_the_JSON_file_shows()
        {
            const string json = "{\r\n  // the production cluster\r\n  \"ConnectionStrings\": {\r\n    \"MongoDB\": \"mongodb://app:s3cr\\u0065t\\u0040db.example.com/?tlsInsecure=true\"\r\n  }\r\n}\r\n";
            var text = SourceText.From(json);
            var value = Assert.Single(JsonStringValueReader.Read(text).Values);
            var userInfo = value.GetSourceSpan("mongodb://".Length, "app:s3cret".Length);
            var option = value.GetSourceSpan(value.Value.IndexOf("tlsInsecure", System.StringComparison.Ordinal), "tlsInsecure=true".Length);

            // What Location.Create(path, span, text.Lines.GetLinePositionSpan(span)) reports: zero-based line 3.
            var userInfoLines = text.Lines.GetLinePositionSpan(userInfo);
            Assert.Equal(@"app:s3cr\u0065t", SourceOf(json, userInfo));
            Assert.Equal(new LinePosition(3, 26), userInfoLines.Start);
            Assert.Equal(new LinePosition(3, 41), userInfoLines.End);
            Assert.Equal("tlsInsecure=true", SourceOf(json, option));
            Assert.Equal(3, text.Lines.GetLinePositionSpan(option).Start.Line);
        }

        [Fact]
        public void Escapes_in_keys_are_decoded_into_the_key_path()
        {
            var scan = JsonStringValueReader.Read(SourceText.From("{\"Connection\\u0053trings\": {\"Mongo\\/DB\": \"v\"}}"));

            Assert.Equal("ConnectionStrings:Mongo/DB", Assert.Single(scan.Values).KeyPath);
        }

        [Fact]
        public void Every_decoded_boundary_of_a_mixed_value_maps_inside_the_token_in_order()
        {
            var (json, value) = ReadOne(@"a\tb\u0063\\d\uD83D\uDE00e\/");
            var previous = value.ContentSpan.Start;
            for (var i = 0; i <= value.Value.Length; i++)
            {
                var position = value.GetSourcePosition(i);
                Assert.InRange(position, previous, value.ContentSpan.End);
                previous = position;
            }

            Assert.Equal("a\tbc\\d\U0001F600e/", value.Value);
            Assert.Equal(@"\u0063\\d", SourceOf(json, value.GetSourceSpan(3, 3)));
        }
    }
}
