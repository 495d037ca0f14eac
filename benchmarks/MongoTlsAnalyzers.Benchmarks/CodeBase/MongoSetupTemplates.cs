using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>
    /// MongoDB set-up files: DI registration, settings builders and connection-string classes. Most are clean
    /// (configuration-driven, TLS on, sane timeouts); a share carries one of the mistakes the rules report, so
    /// the whole-compilation run also exercises the reporting paths.
    /// </summary>
    internal static class MongoSetupTemplates
    {
        /// <summary>Mistakes made on a <c>settings</c> local (MongoClientSettings) next to an <c>options</c> value.</summary>
        private static readonly string[] SettingsMistakes =
        {
            "settings.AllowInsecureTls = true; // MTA003",
            "settings.AllowInsecureTls = options.AllowInsecureTls; // MTA004",
            "settings.ServerSelectionTimeout = TimeSpan.FromSeconds(2); // MTA007",
            "settings.SocketTimeout = TimeSpan.FromSeconds(30000); // MTA008",
            "#pragma warning disable SYSLIB0039\nsettings.SslSettings = new SslSettings { EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12 }; // MTA010\n#pragma warning restore SYSLIB0039",
            "settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors }; // MTA006",
            "settings.Credential = MongoCredential.CreateCredential(\"admin\", \"svc_{0}\", \"Pr0d-{0}-2024!\"); // MTA001",
        };

        /// <summary>Hard-coded URIs with a mistake each ({0}: module, {1}: number).</summary>
        private static readonly string[] UriMistakes =
        {
            "mongodb://report_svc:Xk9mQ2vT7pL@reporting-{1}.contoso.net:27017/{0}?authSource=admin&tls=true", // MTA001
            "mongodb://{0}-db-{1}.contoso.net:27017/{0}?tls=true", // MTA002
            "mongodb://{0}-db-{1}.contoso.net:27017/{0}?tls=true&connectTimeout=10000", // MTA005
            "mongodb://{0}-db-{1}.contoso.net:27017/{0}?tls=true&tlsCAFile=/etc/ssl/contoso-ca.pem", // MTA006
            "mongodb://{0}-db-{1}.contoso.net:27017/{0}?tls=true&serverSelectionTimeoutMS=2000", // MTA007
            "mongodb://{0}-db-{1}.contoso.net:27017/{0}?ssl=false&tlsInsecure=true", // MTA009
        };

        private const double MistakeRate = 0.3;

        /// <summary>The module's options class (no MongoDB types; written into the module's core file).</summary>
        public static void Options(CodeWriter w, ModuleState m)
        {
            w.Block($$"""
                /// <summary>MongoDB options of the {{m.Name}} module, bound from configuration.</summary>
                public sealed class {{m.OptionsClass}}
                {
                    public string ConnectionString { get; set; } = string.Empty;
                    public string Host { get; set; } = "localhost";
                    public int Port { get; set; } = 27017;
                    public string Database { get; set; } = "{{m.Lower}}";
                    public string? ReplicaSet { get; set; }
                    public string? UserName { get; set; }
                    public string? Password { get; set; }
                    public bool UseTls { get; set; } = true;
                    public bool AllowInsecureTls { get; set; }
                    public int ServerSelectionTimeoutSeconds { get; set; } = 30;
                    public int ConnectTimeoutSeconds { get; set; } = 10;
                }
                """);
        }

        public static void Registration(CodeWriter w, ModuleState m, string name)
        {
            w.Lines(Usings("Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Options"));
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>Registers the {m.Name} module's MongoDB client, database and repositories.</summary>");
            w.Open($"public static class {name}");
            w.Open($"public static IServiceCollection Add{name}(this IServiceCollection services, IConfiguration configuration)");
            w.Line($"services.AddSingleton<IOptions<{m.OptionsClass}>>(_ => Microsoft.Extensions.Options.Options.Create(Bind(configuration.GetSection(\"Mongo:{m.Name}\"))));");
            w.Open("services.AddSingleton<IMongoClient>(sp =>");
            w.Line($"var options = sp.GetRequiredService<IOptions<{m.OptionsClass}>>().Value;");
            w.Line("var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);");
            w.Line("settings.ServerSelectionTimeout = TimeSpan.FromSeconds(options.ServerSelectionTimeoutSeconds);");
            w.Line($"settings.ApplicationName = \"contoso-{m.Lower}\";");
            MaybeSettingsMistake(w, m);
            w.Line("return new MongoClient(settings);");
            w.Close(");");
            w.Line($"services.AddSingleton(sp => sp.GetRequiredService<IMongoClient>().GetDatabase(sp.GetRequiredService<IOptions<{m.OptionsClass}>>().Value.Database));");
            w.Line($"services.AddSingleton<{m.ClockInterface}, System{m.Name}Clock>();");
            foreach (var repository in m.Repositories)
            {
                w.Line($"services.AddSingleton<Data.{repository}>();");
            }

            foreach (var service in m.Services)
            {
                w.Line($"services.AddTransient<{service}>();");
            }

            w.Line("return services;");
            w.Close().Line();
            w.Block($$"""
                private static {{m.OptionsClass}} Bind(IConfiguration section) => new {{m.OptionsClass}}
                {
                    ConnectionString = section["ConnectionString"] ?? string.Empty,
                    Database = section["Database"] ?? "{{m.Lower}}",
                    UseTls = !string.Equals(section["UseTls"], "false", StringComparison.OrdinalIgnoreCase),
                    AllowInsecureTls = string.Equals(section["AllowInsecureTls"], "true", StringComparison.OrdinalIgnoreCase),
                    ServerSelectionTimeoutSeconds = int.TryParse(section["ServerSelectionTimeoutSeconds"], out var seconds) ? seconds : 30,
                };
                """);
            w.Close();
        }

        public static void SettingsFactory(CodeWriter w, ModuleState m, string name)
        {
            w.Lines(Usings());
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>Builds MongoClientSettings for the {m.Name} module from its options.</summary>");
            w.Open($"public static class {name}");
            w.Open($"public static MongoClientSettings Create({m.OptionsClass} options)");
            w.Block("""
                var builder = new MongoUrlBuilder
                {
                    Server = new MongoServerAddress(options.Host, options.Port),
                    DatabaseName = options.Database,
                    ReplicaSetName = options.ReplicaSet,
                    UseTls = options.UseTls,
                };
                if (!string.IsNullOrEmpty(options.UserName))
                {
                    builder.Username = options.UserName;
                    builder.Password = options.Password;
                }

                var settings = MongoClientSettings.FromUrl(builder.ToMongoUrl());
                settings.ConnectTimeout = TimeSpan.FromSeconds(Math.Max(options.ConnectTimeoutSeconds, 5));
                settings.SocketTimeout = TimeSpan.FromMinutes(2);
                settings.MaxConnectionPoolSize = 200;
                settings.RetryWrites = true;
                settings.SslSettings = new SslSettings
                {
                    EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CheckCertificateRevocation = true,
                };
                """);
            MaybeSettingsMistake(w, m);
            w.Line("return settings;");
            w.Close().Line();
            w.Block($$"""
                public static string BuildUri({{m.OptionsClass}} options) =>
                    $"mongodb://{options.Host}:{options.Port}/{options.Database}?tls=true&retryWrites=true&w=majority";

                public static MongoClient CreateClient({{m.OptionsClass}} options) => new MongoClient(Create(options));
                """);
            w.Close();
        }

        public static void ConnectionStrings(CodeWriter w, ModuleState m, string name, int number)
        {
            w.Lines(Usings());
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>Connection strings of the {m.Name} module for local runs and tests.</summary>");
            w.Open($"public static class {name}");
            w.Block($$"""
                public const string Local = "mongodb://localhost:27017/{{m.Lower}}";
                public static readonly string IntegrationTests = "mongodb://127.0.0.1:27017/{{m.Lower}}_tests?directConnection=true";

                public static string FromParts(string host, string user, string password) =>
                    $"mongodb+srv://{user}:{Uri.EscapeDataString(password)}@{host}/{{m.Lower}}?retryWrites=true&w=majority";

                public static string WithDatabase(string baseUri, string database) => baseUri.TrimEnd('/') + "/" + database;

                public static IMongoClient ConnectLocal() => new MongoClient(Local);
                """);
            if (w.Chance(MistakeRate))
            {
                var uri = w.Pick(UriMistakes).Replace("{0}", m.Lower, StringComparison.Ordinal).Replace("{1}", number.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
                w.Line();
                w.Line($"public static IMongoClient ConnectShared() => new MongoClient(\"{uri}\");");
            }

            w.Close();
        }

        private static void MaybeSettingsMistake(CodeWriter w, ModuleState m)
        {
            if (!w.Chance(MistakeRate))
            {
                return;
            }

            foreach (var line in w.Pick(SettingsMistakes).Replace("{0}", m.Lower, StringComparison.Ordinal).Split('\n'))
            {
                // Preprocessor lines may be indented like code.
                w.Line(line);
            }
        }

        private static string[] Usings(params string[] extra)
        {
            var usings = new List<string> { "using System.Net.Security;", "using System.Security.Authentication;" };
            foreach (var name in extra)
            {
                usings.Add("using " + name + ";");
            }

            usings.Add("using MongoDB.Driver;");
            usings.Add(string.Empty);
            return usings.ToArray();
        }
    }
}
