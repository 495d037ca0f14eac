using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using Microsoft.CodeAnalysis.Text;
using Microsoft.Extensions.Configuration;
using MongoTlsAnalyzers.ConfigurationFiles;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// The reader against the real configuration reader (<c>Microsoft.Extensions.Configuration.Json</c>), fed the
    /// same UTF-8 bytes as a file on disk: every value the reader reports in a file the configuration loads is
    /// the configuration's value under the same key, and a file the configuration refuses is not loadable for the
    /// reader either. The exception is a repeated key: the configuration refuses a repeated scalar and lets an empty
    /// object or array overwrite a value silently, while the reader keeps every value on purpose, since every value
    /// is in the committed file.
    /// </summary>
    public sealed class JsonConfigurationReaderDifferentialTests
    {
        private readonly ITestOutputHelper _output;

        public JsonConfigurationReaderDifferentialTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Agrees_with_the_configuration_reader_on_generated_and_mutated_files()
        {
            var generator = new RandomJsonDocuments(31337);
            var loaded = 0;
            var refused = 0;
            var duplicates = 0;
            for (var i = 0; i < 1500; i++)
            {
                var document = generator.Next();
                foreach (var json in new[] { document, generator.Mutate(document), generator.Mutate(document) })
                {
                    switch (Compare(json))
                    {
                        case Outcome.Loaded: loaded++; break;
                        case Outcome.Refused: refused++; break;
                        default: duplicates++; break;
                    }
                }
            }

            _output.WriteLine($"{loaded} loaded, {refused} refused, {duplicates} with a repeated key");
            Assert.InRange(loaded, 500, int.MaxValue);
            Assert.InRange(refused, 500, int.MaxValue);
        }

        private enum Outcome
        {
            Loaded,
            Refused,
            RepeatedKey,
        }

        private static Outcome Compare(string json)
        {
            // As on disk: the configuration reads the bytes through a StreamReader, the analyzer gets a SourceText decoded from them.
            var bytes = Encoding.UTF8.GetBytes(json);
            var scan = JsonStringValueReader.Read(SourceText.From(new MemoryStream(bytes), Encoding.UTF8));
            IConfigurationRoot configuration;
            try
            {
                configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(bytes)).Build();
            }
            catch (Exception ex) when (ex is FormatException || ex is InvalidDataException || ex is JsonException || ex is InvalidOperationException)
            {
                if (!scan.IsLoadableConfiguration)
                {
                    return Outcome.Refused;
                }

                if (HasRepeatedKey(Encoding.UTF8.GetString(bytes)))
                {
                    return Outcome.RepeatedKey;
                }

                throw new Xunit.Sdk.XunitException($"The configuration refuses ({ex.Message}), the reader loads: {ReaderAgreement.Show(json)}");
            }

            if (!scan.IsLoadableConfiguration)
            {
                throw new Xunit.Sdk.XunitException($"The configuration loads, the reader does not (at {scan.ErrorPosition}): {ReaderAgreement.Show(json)}");
            }

            foreach (var value in scan.Values)
            {
                if (configuration[value.KeyPath] != value.Value)
                {
                    if (HasRepeatedKey(Encoding.UTF8.GetString(bytes)))
                    {
                        return Outcome.RepeatedKey;
                    }

                    throw new Xunit.Sdk.XunitException($"'{value.KeyPath}' is '{configuration[value.KeyPath]}' in the configuration, '{value.Value}' for the reader: {ReaderAgreement.Show(json)}");
                }
            }

            return Outcome.Loaded;
        }

        /// <summary>
        /// Whether two scalars, or a scalar and an empty object or array, have the same key ignoring case: what
        /// <c>JsonConfigurationFileParser</c> refuses (two scalars) or resolves by overwriting (an empty container).
        /// </summary>
        private static bool HasRepeatedKey(string json)
        {
            // Given the text as decoded from the bytes, where a lone surrogate has become U+FFFD.
            json = json.TrimStart('\uFEFF');
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            return Visit(document.RootElement, string.Empty, 0, keys);
        }

        private static bool Visit(JsonElement element, string path, int depth, HashSet<string> keys)
        {
            string Child(string segment) => depth == 0 ? segment : path + ":" + segment;

            var empty = true;
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        empty = false;
                        if (Visit(property.Value, Child(property.Name), depth + 1, keys))
                        {
                            return true;
                        }
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        empty = false;
                        if (Visit(item, Child((index++).ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1, keys))
                        {
                            return true;
                        }
                    }

                    break;
                default:
                    return !keys.Add(path);
            }

            return empty && depth > 0 && !keys.Add(path);
        }
    }
}
