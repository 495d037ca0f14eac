using System.Collections.Generic;

namespace MongoTlsAnalyzers.Benchmarks.Micro
{
    /// <summary>One micro-benchmark input: a rule, whether the input should trigger it, a source and .editorconfig values.</summary>
    public sealed record RuleCase(string RuleId, bool Triggers, string Source, IReadOnlyDictionary<string, string>? EditorConfig = null)
    {
        /// <summary>The name BenchmarkDotNet prints in the Case column, e.g. "MTA003 trigger".</summary>
        public override string ToString() => RuleId + (Triggers ? " trigger" : " quiet");
    }

    /// <summary>
    /// A triggering and a quiet input per rule (MTA000–MTA010): the same realistic shape each time (a small class
    /// that builds a client), differing only in the detail the rule is about. Each triggering input must produce
    /// its rule's diagnostic and each quiet one none; RuleBenchmarks checks that before measuring.
    /// </summary>
    public static class RuleCases
    {
        private const string Usings = "using System;\nusing System.Net.Security;\nusing System.Security.Authentication;\nusing Microsoft.Extensions.Configuration;\nusing MongoDB.Driver;\n\n";

        public static IEnumerable<RuleCase> All()
        {
            var quietClient = Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));");
            yield return new RuleCase("MTA000", true, quietClient, new Dictionary<string, string> { ["mongo_tls.min_connect_timeout"] = "fast" });
            yield return new RuleCase("MTA000", false, quietClient, new Dictionary<string, string> { ["mongo_tls.min_connect_timeout"] = "2s" });

            yield return new RuleCase("MTA001", true, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://orders_svc:Xk9mQ2vT7@mongo-prod-01.example.com:27017/orders?tls=true\");"));
            yield return new RuleCase("MTA001", false, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://dev:dev-password@localhost:27017/orders\");"));

            yield return new RuleCase("MTA002", true, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://mongo-prod-01.example.com:27017/orders?tls=true\");"));
            yield return new RuleCase("MTA002", false, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/orders\");"));

            yield return new RuleCase("MTA003", true, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.AllowInsecureTls = true;"));
            yield return new RuleCase("MTA003", false, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.AllowInsecureTls = false;"));

            yield return new RuleCase("MTA004", true, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.AllowInsecureTls = bool.Parse(configuration[\"Mongo:AllowInsecureTls\"] ?? \"false\");"));
            yield return new RuleCase("MTA004", false, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.ApplicationName = configuration[\"Mongo:ApplicationName\"];"));

            yield return new RuleCase("MTA005", true, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?tls=true&tlsAllowInvalidHostnames=true\");"));
            yield return new RuleCase("MTA005", false, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?connectTimeoutMS=10000\");"));

            yield return new RuleCase("MTA006", true, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?tls=true&tlsCAFile=/etc/ssl/corp-root-ca.pem\");"));
            yield return new RuleCase("MTA006", false, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?tls=true\");"));

            yield return new RuleCase("MTA007", true, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2);"));
            yield return new RuleCase("MTA007", false, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(30);"));

            yield return new RuleCase("MTA008", true, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.SocketTimeout = TimeSpan.FromSeconds(30000);"));
            yield return new RuleCase("MTA008", false, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.SocketTimeout = TimeSpan.FromSeconds(30);"));

            yield return new RuleCase("MTA009", true, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?ssl=false&tlsInsecure=true\");"));
            yield return new RuleCase("MTA009", false, Client("var settings = MongoClientSettings.FromConnectionString(\"mongodb://localhost:27017/?ssl=false\");"));

            yield return new RuleCase("MTA010", true, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n#pragma warning disable SYSLIB0039\n        settings.SslSettings = new SslSettings { EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12 };\n#pragma warning restore SYSLIB0039"));
            yield return new RuleCase("MTA010", false, Client("var settings = MongoClientSettings.FromConnectionString(configuration.GetConnectionString(\"Mongo\"));\n        settings.SslSettings = new SslSettings { EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };"));
        }

        /// <summary>A client factory whose body starts with <paramref name="setup"/>, which declares <c>settings</c>.</summary>
        private static string Client(string setup) => Usings + $$"""
            namespace Contoso.Orders;

            public static class OrdersClientFactory
            {
                public static IMongoClient Create(IConfiguration configuration)
                {
                    {{setup}}
                    settings.ApplicationName ??= "orders-service";
                    return new MongoClient(settings);
                }

                public static IMongoCollection<T> Collection<T>(IMongoClient client, string name) =>
                    client.GetDatabase("orders").GetCollection<T>(name);
            }
            """;
    }
}
