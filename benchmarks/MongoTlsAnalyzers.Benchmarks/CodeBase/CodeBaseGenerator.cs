using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>One source file of an analyzed code base.</summary>
    public sealed record SourceFile(string Path, string Text, bool UsesMongo);

    /// <summary>
    /// Generates a deterministic (fixed-seed), compile-clean, realistic C# code base: per module, entities,
    /// services, handlers, reports and utilities that never touch MongoDB, next to repositories over
    /// IMongoCollection, DI registration, settings builders and connection-string classes (some with mistakes).
    /// </summary>
    public static class CodeBaseGenerator
    {
        public const int DefaultSeed = 20251128;

        /// <summary>The modules, in generation order (one namespace and one pair of appsettings files each).</summary>
        public static IReadOnlyList<string> Modules => ModuleNames;

        private static readonly string[] ModuleNames =
        {
            "Orders", "Billing", "Catalog", "Inventory", "Shipping", "Customers", "Identity", "Notifications",
            "Reporting", "Analytics", "Payments", "Pricing", "Search", "Audit", "Scheduling", "Documents",
            "Messaging", "Loyalty", "Reviews", "Warehouse", "Returns", "Suppliers", "Tenants", "Support",
        };

        private static readonly string[] Nouns =
        {
            "Item", "Entry", "Record", "Line", "Batch", "Request", "Profile", "Account", "Ticket", "Event",
            "Slot", "Rule", "Offer", "Plan", "Task", "Note", "Channel", "Asset", "Quote", "Claim",
        };

        /// <summary>File kinds with their weights (out of 100). About a fifth of the files use MongoDB.</summary>
        private static readonly (Kind Kind, int Weight)[] Weights =
        {
            (Kind.Entity, 18), (Kind.Service, 30), (Kind.Handler, 10), (Kind.Report, 8), (Kind.Utility, 8),
            (Kind.Repository, 16), (Kind.Registration, 4), (Kind.SettingsFactory, 3), (Kind.ConnectionStrings, 3),
        };

        private enum Kind
        {
            Entity, Service, Handler, Report, Utility, Repository, Registration, SettingsFactory, ConnectionStrings,
        }

        /// <summary>
        /// Generates at least <paramref name="minFiles"/> files and <paramref name="minLines"/> lines
        /// (a GlobalUsings.cs file plus module files, round-robin over the modules).
        /// </summary>
        public static IReadOnlyList<SourceFile> Generate(int minFiles, int minLines, int seed = DefaultSeed)
        {
            var modules = Array.ConvertAll(ModuleNames, name => new ModuleState(name));
            var files = new List<SourceFile> { new SourceFile("/contoso/GlobalUsings.cs", PlainTemplates.GlobalUsings + "\n", false) };
            var lines = CountLines(files[0].Text);
            foreach (var module in modules)
            {
                Add(files, module, "Core", false, w => { PlainTemplates.Core(w, module); w.Line(); MongoSetupTemplates.Options(w, module); }, seed, ref lines);
                Add(files, module, module.KeysClass, false, w => PlainTemplates.Keys(w, module), seed, ref lines);
            }

            for (var i = 0; files.Count < minFiles || lines < minLines; i++)
            {
                var module = modules[i % modules.Length];
                var random = new Random(unchecked((seed * 31) + files.Count));
                var kind = module.Entities.Count < 2 ? Kind.Entity : Choose(random);
                var number = module.FileCount;
                var noun = Nouns[random.Next(Nouns.Length)];
                var entity = module.Entities.Count > 0 ? module.Entities[random.Next(module.Entities.Count)] : string.Empty;
                switch (kind)
                {
                    case Kind.Entity:
                        var entityName = module.Name.TrimEnd('s') + noun + number;
                        Add(files, module, entityName, false, w => PlainTemplates.Entity(w, module, entityName), seed, ref lines);
                        module.Entities.Add(entityName);
                        break;
                    case Kind.Service:
                        var service = entity + "Service" + number;
                        Add(files, module, service, false, w => ServiceTemplates.Service(w, module, service, entity), seed, ref lines);
                        module.Services.Add(service);
                        break;
                    case Kind.Handler when module.Services.Count > 0:
                        var handler = "Update" + entity + number;
                        var handled = module.Services[random.Next(module.Services.Count)];
                        Add(files, module, handler + "Handler", false, w => ServiceTemplates.Handler(w, module, handler, entity, handled), seed, ref lines);
                        break;
                    case Kind.Report:
                    case Kind.Handler:
                        var report = entity + "Report" + number;
                        Add(files, module, report, false, w => ServiceTemplates.Report(w, module, report, entity), seed, ref lines);
                        break;
                    case Kind.Utility:
                        var utility = module.Name + "Text" + number;
                        Add(files, module, utility, false, w => PlainTemplates.Utility(w, module, utility), seed, ref lines);
                        break;
                    case Kind.Repository:
                        var repository = module.Name.TrimEnd('s') + noun + "Repository" + number;
                        Add(files, module, "Data/" + repository, true, w => MongoTemplates.Repository(w, module, repository), seed, ref lines);
                        module.Repositories.Add(repository);
                        break;
                    case Kind.Registration:
                        var registration = module.Name + "Data" + number;
                        Add(files, module, registration + "Registration", true, w => MongoSetupTemplates.Registration(w, module, registration), seed, ref lines);
                        break;
                    case Kind.SettingsFactory:
                        var factory = module.Name + "MongoSettings" + number;
                        Add(files, module, factory, true, w => MongoSetupTemplates.SettingsFactory(w, module, factory), seed, ref lines);
                        break;
                    case Kind.ConnectionStrings:
                        var strings = module.Name + "ConnectionStrings" + number;
                        Add(files, module, strings, true, w => MongoSetupTemplates.ConnectionStrings(w, module, strings, number), seed, ref lines);
                        break;
                }
            }

            return files;
        }

        public static int CountLines(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    count++;
                }
            }

            return text.Length > 0 && text[text.Length - 1] != '\n' ? count + 1 : count;
        }

        private static void Add(List<SourceFile> files, ModuleState module, string name, bool usesMongo, Action<CodeWriter> write, int seed, ref int lines)
        {
            // Each file has its own seeded generator, so one template's choices never shift another file's.
            var writer = new CodeWriter(new Random(unchecked((seed * 17) + files.Count)));
            write(writer);
            var text = writer.ToString();
            files.Add(new SourceFile($"/contoso/{module.Name}/{name}.cs", text, usesMongo));
            module.FileCount++;
            lines += CountLines(text);
        }

        private static Kind Choose(Random random)
        {
            var roll = random.Next(100);
            foreach (var (kind, weight) in Weights)
            {
                if (roll < weight)
                {
                    return kind;
                }

                roll -= weight;
            }

            return Kind.Service;
        }
    }
}
