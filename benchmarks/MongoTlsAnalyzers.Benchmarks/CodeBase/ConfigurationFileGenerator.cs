using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>
    /// One <c>appsettings.json</c> and one <c>appsettings.Development.json</c> per module (the budget in docs/performance.md: reading ordinary
    /// configuration files must stay within 10% of the analyzers' time), as the package's targets pass them: additional
    /// files. Ordinary means logging, options sections and a connection string; one module in four carries a mistake
    /// (a committed password, tlsInsecure, a short timeout) so that the rules do their reporting work too.
    /// </summary>
    public static class ConfigurationFileGenerator
    {
        public static ImmutableArray<AdditionalText> Generate(IEnumerable<string> modules)
        {
            var files = ImmutableArray.CreateBuilder<AdditionalText>();
            var index = 0;
            foreach (var module in modules)
            {
                var lower = module.ToLowerInvariant();
                var query = (index % 4) switch
                {
                    0 => $"mongodb://{lower}_svc:Pr0d{index}Secret@{lower}-db-01.internal.example.com:27017/{lower}?tls=true&tlsInsecure=true",
                    1 => $"mongodb+srv://{lower}.ab1cd.mongodb.net/{lower}?retryWrites=true&w=majority&serverSelectionTimeoutMS=2000",
                    _ => $"mongodb+srv://{lower}.ab1cd.mongodb.net/{lower}?retryWrites=true&w=majority&appName={lower}",
                };
                files.Add(new Text($"/contoso/{module}/appsettings.json", AppSettings(module, query)));
                files.Add(new Text($"/contoso/{module}/appsettings.Development.json", AppSettings(module, $"mongodb://localhost:27017/{lower}?directConnection=true")));
                index++;
            }

            return files.ToImmutable();
        }

        private static string AppSettings(string module, string connectionString)
        {
            var text = new StringBuilder();
            text.Append("{\n");
            text.Append("  // ").Append(module).Append(" service settings\n");
            text.Append("  \"Logging\": {\n    \"LogLevel\": {\n      \"Default\": \"Information\",\n      \"Microsoft.AspNetCore\": \"Warning\"\n    }\n  },\n");
            text.Append("  \"AllowedHosts\": \"*\",\n");
            text.Append("  \"ConnectionStrings\": {\n    \"MongoDB\": \"").Append(connectionString).Append("\"\n  },\n");
            text.Append("  \"").Append(module).Append("\": {\n");
            for (var i = 0; i < 12; i++)
            {
                text.Append("    \"Option").Append(i).Append("\": ").Append(i % 3 == 0 ? "\"value-" + i + "\"" : i % 3 == 1 ? i.ToString(System.Globalization.CultureInfo.InvariantCulture) : "true").Append(",\n");
            }

            text.Append("    \"Endpoints\": [ \"https://api.example.com/").Append(module.ToLowerInvariant()).Append("\", \"https://backup.example.com\" ],\n");
            text.Append("  },\n");
            text.Append("  \"Kestrel\": { \"Endpoints\": { \"Http\": { \"Url\": \"http://0.0.0.0:8080\" } } }\n");
            text.Append("}\n");
            return text.ToString();
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text, Encoding.UTF8);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
