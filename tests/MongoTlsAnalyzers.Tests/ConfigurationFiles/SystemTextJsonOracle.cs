using System;
using System.Collections.Generic;
using System.Text.Json;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// What the .NET configuration reader sees in a JSON file: System.Text.Json with the options of
    /// <c>JsonConfigurationFileParser</c> (comments skipped, trailing commas allowed, default depth 64), and
    /// the key paths it builds. The file reaches it through a <c>StreamReader</c>, which drops one leading
    /// byte order mark, so the oracle drops it too.
    /// </summary>
    internal static class SystemTextJsonOracle
    {
        private static readonly JsonDocumentOptions Options = new JsonDocumentOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

        /// <summary>The (key path, value) pairs of every string value in document order, or null when the text is refused.</summary>
        public static List<(string Path, string Value)>? StringValues(string json)
        {
            if (json.Length > 0 && json[0] == '\uFEFF')
            {
                json = json.Substring(1);
            }

            try
            {
                using var document = JsonDocument.Parse(json, Options);
                var values = new List<(string, string)>();
                Walk(document.RootElement, string.Empty, 0, values);
                return values;
            }
            catch (Exception ex) when (ex is JsonException || ex is InvalidOperationException || ex is ArgumentException)
            {
                // JsonException for syntax, ArgumentException for text that cannot be transcoded to UTF-8 (a lone
                // surrogate), InvalidOperationException when a name or value with a lone escaped surrogate is decoded.
                return null;
            }
        }

        /// <summary>As <c>JsonConfigurationFileParser</c>: the delimiter depends on depth, so an empty key still adds one.</summary>
        private static void Walk(JsonElement element, string path, int depth, List<(string, string)> values)
        {
            string Child(string segment) => depth == 0 ? segment : path + ":" + segment;

            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        Walk(property.Value, Child(property.Name), depth + 1, values);
                    }

                    break;
                case JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        Walk(item, Child(index++.ToString(System.Globalization.CultureInfo.InvariantCulture)), depth + 1, values);
                    }

                    break;
                case JsonValueKind.String:
                    values.Add((path, element.GetString()!));
                    break;
            }
        }
    }
}
