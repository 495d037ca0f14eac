using System.Diagnostics;
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
                Count(ReaderAgreement.Check(document), ref accepted, ref refused, ref values);
                for (var m = 0; m < MutantsPerDocument; m++)
                {
                    Count(ReaderAgreement.Check(generator.Mutate(document)), ref accepted, ref refused, ref values);
                }
            }

            _output.WriteLine($"seed {seed}: {accepted} accepted, {refused} refused, {values} string values, {stopwatch.ElapsedMilliseconds} ms");

            // The generator must reach both sides, or the comparison proves little.
            Assert.InRange(accepted, Documents / 2, int.MaxValue);
            Assert.InRange(refused, Documents / 2, int.MaxValue);
        }

        private static void Count(int? stringValues, ref int accepted, ref int refused, ref int values)
        {
            if (stringValues is int count)
            {
                accepted++;
                values += count;
            }
            else
            {
                refused++;
            }
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

    }
}
