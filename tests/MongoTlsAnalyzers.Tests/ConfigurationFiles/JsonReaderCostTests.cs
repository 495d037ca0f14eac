using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>§3b: the reading never allocates per character. Allocation is measured on this thread only.</summary>
    public sealed class JsonReaderCostTests
    {
        private readonly ITestOutputHelper _output;

        public JsonReaderCostTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>Nearly 1 MB of keys, numbers, literals, comments and whitespace around one string value.</summary>
        private static string FileWithoutStrings(int length = JsonStringValueReader.MaxFileLength)
        {
            var builder = new StringBuilder("{ // settings\n");
            var i = 0;
            while (builder.Length < length - 200)
            {
                builder.Append("  \"Key").Append(i++).Append("\\u0041\": [1, -2.5e3, true, false, null, {}, []], /* comment */\n");
            }

            builder.Append("  \"Mongo\": \"mongodb://host\"\n}");
            return builder.ToString();
        }

        [Fact]
        public void Keys_numbers_literals_and_comments_cost_no_allocation_per_character()
        {
            var text = SourceText.From(FileWithoutStrings());
            JsonStringValueReader.Read(text); // warm up

            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            var scan = JsonStringValueReader.Read(text);
            stopwatch.Stop();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            _output.WriteLine($"{text.Length} chars: {allocated} bytes allocated, {stopwatch.Elapsed.TotalMilliseconds:F1} ms");
            Assert.True(scan.IsValid);
            Assert.Equal("mongodb://host", Assert.Single(scan.Values).Value);

            // The chunk, the buffers, the result: a few kilobytes for a megabyte of text.
            Assert.InRange(allocated, 0, 32 * 1024);
        }

        [Fact]
        public void String_values_cost_their_own_strings_only()
        {
            var builder = new StringBuilder("{\"List\": [");
            for (var i = 0; i < 1000; i++)
            {
                builder.Append("\"mongodb://user:p\\u0040ss@host").Append(i % 10).Append("/db?tls=true\",");
            }

            var text = SourceText.From(builder.Append("]}").ToString());
            JsonStringValueReader.Read(text);

            var before = GC.GetAllocatedBytesForCurrentThread();
            var scan = JsonStringValueReader.Read(text);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            _output.WriteLine($"{text.Length} chars, {scan.Values.Length} values: {allocated} bytes allocated");
            Assert.Equal(1000, scan.Values.Length);

            // Per value: the decoded value (~100 bytes), its key path, segments, escape map and the value object.
            Assert.InRange(allocated, 0, 1000 * 400 + 64 * 1024);
        }

        [Fact]
        public void A_chunked_SourceText_read_from_a_stream_gives_the_same_values_and_spans()
        {
            // Long enough for Roslyn to keep the text in chunks (LargeText), not one string.
            var json = FileWithoutStrings(300_000).Replace("[1, -2.5e3", "[\"mongodb://a\\/b\", -2.5e3", StringComparison.Ordinal);
            var fromString = JsonStringValueReader.Read(SourceText.From(json));
            var fromStream = JsonStringValueReader.Read(SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(json)), Encoding.UTF8));

            Assert.True(fromString.IsValid);
            Assert.True(fromStream.IsValid);
            Assert.True(fromString.Values.Length > 1000);
            Assert.Equal(fromString.Values.Length, fromStream.Values.Length);
            for (var i = 0; i < fromString.Values.Length; i += 97)
            {
                Assert.Equal(fromString.Values[i].KeyPath, fromStream.Values[i].KeyPath);
                Assert.Equal(fromString.Values[i].Value, fromStream.Values[i].Value);
                Assert.Equal(fromString.Values[i].Span, fromStream.Values[i].Span);
                Assert.Equal(fromString.Values[i].GetSourceSpan(9, 2), fromStream.Values[i].GetSourceSpan(9, 2));
            }
        }

        [Fact]
        public void Cancellation_is_observed_while_reading()
        {
            using var cancelled = new System.Threading.CancellationTokenSource();
            cancelled.Cancel();

            Assert.Throws<OperationCanceledException>(() => JsonStringValueReader.Read(SourceText.From(FileWithoutStrings()), cancelled.Token));
        }
    }
}
