namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>Non-MongoDB files: a module's core types and keys, entities (DTOs) and string utilities.</summary>
    internal static class PlainTemplates
    {
        /// <summary>The usings an SDK project with ImplicitUsings gets, plus the ones the templates rely on.</summary>
        public const string GlobalUsings = """
            global using System;
            global using System.Collections.Generic;
            global using System.Globalization;
            global using System.IO;
            global using System.Linq;
            global using System.Text;
            global using System.Threading;
            global using System.Threading.Tasks;
            """;

        public static void Core(CodeWriter w, ModuleState m)
        {
            w.Block($$"""
                namespace {{m.Namespace}};

                /// <summary>The life cycle of every {{m.Lower}} record.</summary>
                public enum {{m.StatusEnum}}
                {
                    Unknown = 0,
                    Draft = 1,
                    Active = 2,
                    Suspended = 3,
                    Archived = 4,
                }

                /// <summary>The time source of the {{m.Name}} module; replaced in tests.</summary>
                public interface {{m.ClockInterface}}
                {
                    DateTime UtcNow { get; }
                }

                public sealed class System{{m.Name}}Clock : {{m.ClockInterface}}
                {
                    public DateTime UtcNow => DateTime.UtcNow;
                }

                /// <summary>Thrown when a {{m.Lower}} request cannot be honoured.</summary>
                public sealed class {{m.Name}}Exception : Exception
                {
                    public {{m.Name}}Exception(string message)
                        : base(message)
                    {
                    }

                    public {{m.Name}}Exception(string message, Exception inner)
                        : base(message, inner)
                    {
                    }

                    public string Area => {{m.KeysClass}}.Area;
                }
                """);
        }

        public static void Keys(CodeWriter w, ModuleState m)
        {
            w.Block($$"""
                namespace {{m.Namespace}};

                /// <summary>Names shared by the {{m.Name}} module: cache keys, routes and event sources.</summary>
                public static class {{m.KeysClass}}
                {
                    public const string Area = "{{m.Lower}}";
                    public const string DefaultCulture = "en-US";
                    public static readonly string CachePrefix = "{{m.Lower}}:cache:";
                    public static readonly string RouteBase = "/api/{{m.Lower}}";
                    public static readonly TimeSpan DefaultTtl = TimeSpan.FromMinutes({{w.Between(1, 30)}});
                    public static readonly int PageSize = {{w.Pick(new[] { 20, 25, 50, 100 })}};
                }
                """);
        }

        public static void Entity(CodeWriter w, ModuleState m, string name)
        {
            var extras = w.Between(3, 12);
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>A {m.Lower} record as the application sees it.</summary>");
            w.Open($"public sealed class {name}");
            w.Block($$"""
                public string Id { get; set; } = string.Empty;
                public string Name { get; set; } = string.Empty;
                public string? Description { get; set; }
                public decimal Amount { get; set; }
                public int Quantity { get; set; }
                public DateTime CreatedAt { get; set; }
                public DateTime? UpdatedAt { get; set; }
                public bool IsActive { get; set; }
                public {{m.StatusEnum}} Status { get; set; }
                public List<string> Tags { get; set; } = new List<string>();
                """);
            for (var i = 0; i < extras; i++)
            {
                w.Line(ExtraType(i) switch
                {
                    "string" => $"public string Extra{i} {{ get; set; }} = string.Empty;",
                    var type => $"public {type} Extra{i} {{ get; set; }}",
                });
            }

            w.Line();
            w.Open("public IReadOnlyList<string> Validate()");
            w.Block("""
                var errors = new List<string>();
                if (string.IsNullOrWhiteSpace(Id))
                {
                    errors.Add("Id is required.");
                }

                if (Name.Length > 200)
                {
                    errors.Add($"Name is too long ({Name.Length} characters).");
                }

                if (Amount < 0)
                {
                    errors.Add("Amount must not be negative.");
                }

                if (Quantity < 0 || Quantity > 10000)
                {
                    errors.Add("Quantity must be between 0 and 10000, not " + Quantity + ".");
                }
                """);
            for (var i = 0; i < extras; i++)
            {
                if (ExtraType(i) == "string")
                {
                    w.Open($"if (Extra{i}.Length > {w.Between(16, 256)})");
                    w.Line($"errors.Add(\"Extra{i} is too long.\");");
                    w.Close().Line();
                }
            }

            w.Line("return errors;").Close().Line();
            w.Open($"public {name} Clone()");
            w.Open($"return new {name}");
            w.Lines("Id = Id,", "Name = Name,", "Description = Description,", "Amount = Amount,", "Quantity = Quantity,", "CreatedAt = CreatedAt,", "UpdatedAt = UpdatedAt,", "IsActive = IsActive,", "Status = Status,", "Tags = new List<string>(Tags),");
            for (var i = 0; i < extras; i++)
            {
                w.Line($"Extra{i} = Extra{i},");
            }

            w.Close(";").Close().Line();
            w.Line($"public override string ToString() => $\"{{nameof({name})}} {{Id}}: {{Name}} x{{Quantity}} = {{Amount.ToString(\"F2\", CultureInfo.InvariantCulture)}}\";");
            w.Close();
        }

        public static void Utility(CodeWriter w, ModuleState m, string name)
        {
            w.Block($$"""
                namespace {{m.Namespace}};

                /// <summary>String helpers used by the {{m.Name}} module.</summary>
                public static class {{name}}
                {
                    private static readonly char[] Separators = { ',', ';', '|' };

                    public static string Truncate(this string value, int maxLength)
                    {
                        if (maxLength < 0)
                        {
                            throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "The length must not be negative.");
                        }

                        return value.Length <= maxLength ? value : value.Substring(0, maxLength) + "...";
                    }

                    public static string ToSlug(this string value)
                    {
                        var builder = new StringBuilder(value.Length);
                        foreach (var c in value.Trim().ToLowerInvariant())
                        {
                            if (char.IsLetterOrDigit(c))
                            {
                                builder.Append(c);
                            }
                            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
                            {
                                builder.Append('-');
                            }
                        }

                        return builder.ToString().TrimEnd('-');
                    }

                    public static IReadOnlyList<string> SplitList(string? value)
                    {
                        if (string.IsNullOrEmpty(value))
                        {
                            return Array.Empty<string>();
                        }

                        return value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    }

                    public static string JoinList(IEnumerable<string> values) => string.Join(", ", values.Where(v => v.Length > 0));

                    public static string Quote(string value) => "\"" + value.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

                    public static bool TryParseAmount(string text, out decimal amount) =>
                        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out amount);

                    public static string FormatAmount(decimal amount, string currency) =>
                        string.Format(CultureInfo.InvariantCulture, "{0:N2} {1}", amount, currency.ToUpperInvariant());

                    public static string Mask(string value, int visible = {{w.Between(2, 6)}})
                    {
                        if (value.Length <= visible)
                        {
                            return new string('*', value.Length);
                        }

                        return new string('*', value.Length - visible) + value.Substring(value.Length - visible);
                    }

                    public static string Describe(IDictionary<string, string> values)
                    {
                        var parts = new List<string>();
                        foreach (var pair in values.OrderBy(p => p.Key, StringComparer.Ordinal))
                        {
                            parts.Add(pair.Key + "=" + pair.Value);
                        }

                        return "{" + string.Join("; ", parts) + "}";
                    }

                    public static string CacheKey(string kind, string id) => {{m.KeysClass}}.CachePrefix + kind + ":" + id;

                    public static string Route(string id) => $"{{{m.KeysClass}}.RouteBase}/{id}";
                }
                """);
        }

        private static string ExtraType(int i) => (i % 5) switch
        {
            0 => "string",
            1 => "int",
            2 => "decimal",
            3 => "DateTime?",
            _ => "string",
        };
    }
}
