using System.Linq;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    public sealed class JsonStringValueReaderTests
    {
        internal static JsonStringValueScan Read(string json) => JsonStringValueReader.Read(SourceText.From(json));

        private static string[] Pairs(string json) => Read(json).Values.Select(v => v.KeyPath + "=" + v.Value).ToArray();

        [Fact]
        public void Finds_values_not_keys_with_the_token_span_including_quotes()
        {
            const string json = "{\n  \"ConnectionStrings\": {\n    \"MongoDB\": \"mongodb://db\"\n  }\n}";
            var scan = Read(json);

            Assert.True(scan.IsValid);
            Assert.True(scan.RootIsObject);
            Assert.True(scan.IsLoadableConfiguration);
            Assert.Equal(-1, scan.ErrorPosition);
            var value = Assert.Single(scan.Values);
            Assert.Equal("ConnectionStrings:MongoDB", value.KeyPath);
            Assert.Equal("mongodb://db", value.Value);
            Assert.Equal(json.IndexOf("\"mongodb://db\""), value.Span.Start);
            Assert.Equal("\"mongodb://db\"", json.Substring(value.Span.Start, value.Span.Length));
            Assert.Equal("mongodb://db", json.Substring(value.ContentSpan.Start, value.ContentSpan.Length));
            Assert.False(value.HasEscapes);
        }

        [Fact]
        public void Maps_a_substring_of_a_plain_value_one_to_one()
        {
            const string json = "{\"a\": \"mongodb://user:pw@host/?tlsInsecure=true\"}";
            var value = Assert.Single(Read(json).Values);
            var option = value.Value.IndexOf("tlsInsecure", System.StringComparison.Ordinal);

            var span = value.GetSourceSpan(option, "tlsInsecure=true".Length);

            Assert.Equal("tlsInsecure=true", json.Substring(span.Start, span.Length));
        }

        [Fact]
        public void Key_paths_join_decoded_keys_and_array_indexes_as_the_configuration_reader_does()
        {
            const string json = @"{
  ""Servers"": [ ""a"", { ""Host"": ""b"", ""Tags"": [ ""x"", ""y"" ] }, [ ""nested"" ] ],
  ""Mongo\u0044B"": { ""Uri"": ""c"" },
  ""Empty"": {},
  ""Numbers"": [ 1, true, null, ""after-scalars"" ],
  """": { ""b"": ""empty-key"" },
  ""a:b"": ""colon""
}";
            Assert.Equal(
                new[]
                {
                    "Servers:0=a", "Servers:1:Host=b", "Servers:1:Tags:0=x", "Servers:1:Tags:1=y", "Servers:2:0=nested",
                    "MongoDB:Uri=c", "Numbers:3=after-scalars", ":b=empty-key", "a:b=colon",
                },
                Pairs(json));
        }

        [Fact]
        public void Key_segments_are_structural_so_a_colon_in_a_key_stays_in_its_segment()
        {
            var scan = Read("{\"profiles\": {\"my:profile\": {\"environmentVariables\": {\"A\": \"v\"}}, \"arr\": [\"e\"]}}");
            var value = scan.Values[0];

            Assert.Equal("profiles:my:profile:environmentVariables:A", value.KeyPath);
            Assert.Equal(4, value.KeySegmentCount);
            Assert.Equal("my:profile", value.GetKeySegment(1));
            Assert.True(value.KeySegmentEquals(2, "ENVIRONMENTVARIABLES"));
            Assert.False(value.KeySegmentEquals(2, "environment"));
            Assert.False(value.IsArrayIndexSegment(3));
            Assert.Equal(string.Empty, value.GetKeySegment(9));

            var element = scan.Values[1];
            Assert.Equal("profiles:arr:0", element.KeyPath);
            Assert.True(element.IsArrayIndexSegment(2));
            Assert.False(element.KeySegmentEquals(2, "0"));
            Assert.Equal("0", element.GetKeySegment(2));
        }

        [Fact]
        public void Root_string_and_root_array_are_read_but_not_an_object()
        {
            var scalar = Read("\"mongodb://x\"");
            Assert.True(scalar.IsValid);
            Assert.False(scalar.RootIsObject);
            Assert.False(scalar.IsLoadableConfiguration);
            Assert.Equal(string.Empty, Assert.Single(scalar.Values).KeyPath);
            Assert.Equal(0, scalar.Values[0].KeySegmentCount);

            var array = Read("[\"a\", [\"b\"]]");
            Assert.True(array.IsValid);
            Assert.False(array.RootIsObject);
            Assert.Equal(new[] { "0=a", "1:0=b" }, Pairs("[\"a\", [\"b\"]]"));
        }

        [Theory]
        [InlineData("// leading\n{\"a\": \"x\"} // trailing")]
        [InlineData("/* block */ {/* a */\"a\" : /* after the colon */ \"x\"}")]
        [InlineData("{\"a\": /* before */ \"x\" /* after */}")]
        [InlineData("{\"a\": \"x\", // line comment\r\n}")]
        [InlineData("{\"a\": \"x\",}")]
        [InlineData("{\"a\": [\"x\",],}")]
        [InlineData("{\"a\": \"x\" /**/ , /***/ }")]
        [InlineData("{\"a\": \"// not a comment\" }")]
        public void Comments_and_trailing_commas_are_accepted(string json)
        {
            var scan = Read(json);

            Assert.True(scan.IsValid);
            var value = Assert.Single(scan.Values);
            Assert.StartsWith("a", value.KeyPath);
            Assert.Equal(value.Value, json.Substring(value.ContentSpan.Start, value.ContentSpan.Length));
        }

        [Theory]
        [InlineData("{\"a\" /* c */ : \"x\"}")]
        [InlineData("{\"a\" // c\n : \"x\"}")]
        public void A_comment_between_a_key_and_its_colon_is_refused_as_System_Text_Json_refuses_it(string json)
        {
            var scan = Read(json);

            Assert.False(scan.IsValid);
            Assert.Empty(scan.Values);
            Assert.Equal(json.IndexOf('/'), scan.ErrorPosition);
        }

        [Fact]
        public void Comment_like_text_inside_strings_is_text()
        {
            Assert.Equal(new[] { "a=/* x */", "b=// y" }, Pairs("{\"a\": \"/* x */\", \"b\": \"// y\"}"));
        }

        [Fact]
        public void Scalars_other_than_strings_are_skipped()
        {
            var scan = Read("{\"n\": -0.5e+10, \"t\": true, \"f\": false, \"z\": null, \"o\": {}, \"e\": [], \"s\": \"x\"}");

            Assert.True(scan.IsValid);
            Assert.Equal("s", Assert.Single(scan.Values).KeyPath);
        }

        [Fact]
        public void A_file_longer_than_the_limit_is_skipped()
        {
            var big = new string(' ', JsonStringValueReader.MaxFileLength) + "{\"a\": \"x\"}";
            var scan = JsonStringValueReader.Read(SourceText.From(big));

            Assert.True(scan.WasSkipped);
            Assert.False(scan.IsValid);
            Assert.Empty(scan.Values);
            Assert.Equal(1_048_576, JsonStringValueReader.MaxFileLength);
        }

        [Fact]
        public void A_file_at_the_limit_is_read_across_many_chunks()
        {
            var prefix = "{\"pad\": \"" + new string('p', 10_000) + "\", \"list\": [";
            var builder = new System.Text.StringBuilder(prefix);
            var i = 0;
            while (builder.Length < JsonStringValueReader.MaxFileLength - 100)
            {
                builder.Append("\"mongodb://h").Append(i++).Append("\\u0040x\",");
            }

            builder.Append("]}");
            var json = builder.ToString();
            var scan = JsonStringValueReader.Read(SourceText.From(json));

            Assert.True(scan.IsValid);
            Assert.Equal(i + 1, scan.Values.Length);
            var last = scan.Values[^1];
            Assert.Equal("list:" + (i - 1), last.KeyPath);
            Assert.Equal("mongodb://h" + (i - 1) + "@x", last.Value);
            var at = last.GetSourceSpan(last.Value.IndexOf('@'), 1);
            Assert.Equal("\\u0040", json.Substring(at.Start, at.Length));
        }
    }
}
