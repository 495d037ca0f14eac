using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>
    /// Non-MongoDB application code: services made of a random selection of everyday methods (LINQ, string
    /// building, parsing, async loops, switch expressions), command handlers and report formatters.
    /// </summary>
    internal static class ServiceTemplates
    {
        /// <summary>Method bodies a service can have; each gets the entity type, the module and a unique suffix.</summary>
        private static readonly Action<CodeWriter, ModuleState, string, int>[] Methods =
        {
            (w, m, e, n) => w.Block($$"""
                public IReadOnlyList<{{e}}> ActiveItems{{n}}(IEnumerable<{{e}}> items) =>
                    items.Where(x => x.IsActive && x.Amount > {{w.Between(0, 50)}}m).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
                """),
            (w, m, e, n) => w.Block($$"""
                public string Summarize{{n}}(IEnumerable<{{e}}> items)
                {
                    var builder = new StringBuilder();
                    foreach (var item in items)
                    {
                        builder.Append(item.Name).Append(": ").Append(item.Amount.ToString("F2", CultureInfo.InvariantCulture)).AppendLine();
                    }

                    return builder.ToString();
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public Dictionary<{{m.StatusEnum}}, decimal> TotalsByStatus{{n}}(IEnumerable<{{e}}> items) =>
                    items.GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Amount * x.Quantity));
                """),
            (w, m, e, n) => w.Block($$"""
                public string CacheKey{{n}}({{e}} item) => {{m.KeysClass}}.CachePrefix + "{{e.ToLowerInvariant()}}:" + item.Id;

                public string Route{{n}}({{e}} item) => $"{{{m.KeysClass}}.RouteBase}/{{e.ToLowerInvariant()}}/{item.Id}";
                """),
            (w, m, e, n) => w.Block($$"""
                public {{e}} Parse{{n}}(string line)
                {
                    var parts = line.Split(',');
                    if (parts.Length < 3)
                    {
                        throw new FormatException($"Expected 3 fields but found {parts.Length}: '{line}'.");
                    }

                    return new {{e}}
                    {
                        Id = parts[0].Trim(),
                        Name = parts[1].Trim(),
                        Amount = decimal.Parse(parts[2], NumberStyles.Number, CultureInfo.InvariantCulture),
                        CreatedAt = _clock.UtcNow,
                        IsActive = true,
                    };
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public async Task<int> Process{{n}}Async(IEnumerable<{{e}}> items, CancellationToken cancellationToken)
                {
                    var processed = 0;
                    foreach (var item in items)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Task.Yield();
                        if (item.Validate().Count == 0)
                        {
                            item.UpdatedAt = _clock.UtcNow;
                            processed++;
                        }
                    }

                    return processed;
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public string Describe{{n}}({{e}} item) => item.Status switch
                {
                    {{m.StatusEnum}}.Draft => "draft " + item.Name,
                    {{m.StatusEnum}}.Active => $"{item.Name} is active since {item.CreatedAt:yyyy-MM-dd}",
                    {{m.StatusEnum}}.Suspended => "suspended",
                    {{m.StatusEnum}}.Archived => "archived",
                    _ => "unknown",
                };
                """),
            (w, m, e, n) => w.Block($$"""
                public static string Normalize{{n}}(string input)
                {
                    var normalized = input.Trim().ToUpperInvariant().Replace(" ", "-", StringComparison.Ordinal);
                    if (normalized.Length > {{w.Between(16, 128)}})
                    {
                        normalized = normalized.Substring(0, {{w.Between(8, 16)}});
                    }

                    return normalized;
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public (string Id, string Label) ToLabel{{n}}({{e}} item) => (item.Id, $"{item.Name} [{item.Status}]");
                """),
            (w, m, e, n) => w.Block($$"""
                public void Rename{{n}}({{e}} item, string name)
                {
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw new {{m.Name}}Exception("Item " + item.Id + " needs a name.");
                    }

                    var previous = item.Name;
                    item.Name = name.Trim();
                    item.UpdatedAt = _clock.UtcNow;
                    _history.Add($"{previous} -> {item.Name}");
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public string Key{{n}}({{e}} item)
                {
                    var prefix = "{{m.Lower}}-{{n}}";
                    var key = $"{prefix}:{item.Id}:{item.Quantity}";
                    return key.ToLowerInvariant();
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public string Log{{n}}({{e}} item, Exception? error)
                {
                    var message = string.Format(CultureInfo.InvariantCulture, "[{0}] {1} {2}", {{m.KeysClass}}.Area, item.Id, item.Status);
                    if (error is not null)
                    {
                        message += " failed: " + error.Message;
                    }

                    _history.Add(message);
                    return message;
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public Dictionary<string, {{e}}> Index{{n}}(IEnumerable<{{e}}> items)
                {
                    var index = new Dictionary<string, {{e}}>(StringComparer.OrdinalIgnoreCase);
                    foreach (var item in items)
                    {
                        if (!index.TryAdd(item.Id, item))
                        {
                            _history.Add("duplicate " + item.Id);
                        }
                    }

                    return index;
                }
                """),
            (w, m, e, n) => w.Block($$"""
                public bool TryLoad{{n}}(string path, out {{e}}? item)
                {
                    item = null;
                    try
                    {
                        var text = File.ReadAllText(path);
                        item = Parse{{n}}Line(text);
                        return true;
                    }
                    catch (IOException ex)
                    {
                        _history.Add($"could not read {path}: {ex.Message}");
                        return false;
                    }
                }

                private {{e}} Parse{{n}}Line(string text) => new {{e}} { Id = text.Substring(0, Math.Min(text.Length, 24)), Name = text.Trim(), CreatedAt = _clock.UtcNow };
                """),
            (w, m, e, n) => w.Block($$"""
                public IEnumerable<string> TopTags{{n}}(IEnumerable<{{e}}> items, int count) =>
                    items.SelectMany(x => x.Tags)
                        .GroupBy(t => t, StringComparer.OrdinalIgnoreCase)
                        .OrderByDescending(g => g.Count())
                        .ThenBy(g => g.Key, StringComparer.Ordinal)
                        .Take(count)
                        .Select(g => g.Key + " (" + g.Count() + ")");
                """),
            (w, m, e, n) => w.Block($$"""
                public decimal Discount{{n}}({{e}} item, decimal rate)
                {
                    if (rate is < 0 or > 1)
                    {
                        throw new ArgumentOutOfRangeException(nameof(rate), rate, $"The rate must lie between 0 and 1, not {rate}.");
                    }

                    var discounted = Math.Round(item.Amount * (1 - rate), 2, MidpointRounding.AwayFromZero);
                    item.Amount = discounted;
                    return discounted;
                }
                """),
        };

        public static void Service(CodeWriter w, ModuleState m, string name, string entity)
        {
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>Business rules for {entity} records.</summary>");
            w.Open($"public sealed class {name}");
            w.Lines($"private readonly {m.ClockInterface} _clock;", "private readonly List<string> _history = new List<string>();", "");
            w.Open($"public {name}({m.ClockInterface} clock)");
            w.Line("_clock = clock ?? throw new ArgumentNullException(nameof(clock));");
            w.Close().Line();
            w.Line("public IReadOnlyList<string> History => _history;").Line();
            var count = w.Between(6, 14);
            for (var i = 0; i < count; i++)
            {
                w.Pick(Methods)(w, m, entity, i);
                w.Line();
            }

            w.Line("public override string ToString() => nameof(" + name + ") + \" with \" + _history.Count + \" entries\";");
            w.Close();
        }

        public static void Handler(CodeWriter w, ModuleState m, string name, string entity, string service)
        {
            w.Block($$"""
                namespace {{m.Namespace}};

                public sealed record {{name}}Command(string Id, string Name, decimal Amount, int Quantity, IReadOnlyList<string> Tags);

                public sealed record {{name}}Result(bool Succeeded, string Message, {{entity}}? Item);

                /// <summary>Validates and applies a {{name}}Command.</summary>
                public sealed class {{name}}Handler
                {
                    private readonly {{service}} _service;
                    private readonly {{m.ClockInterface}} _clock;

                    public {{name}}Handler({{service}} service, {{m.ClockInterface}} clock)
                    {
                        _service = service;
                        _clock = clock;
                    }

                    public IReadOnlyList<string> Validate({{name}}Command command)
                    {
                        var errors = new List<string>();
                        if (string.IsNullOrWhiteSpace(command.Id))
                        {
                            errors.Add("The id is required.");
                        }

                        if (command.Name.Length is 0 or > {{w.Between(64, 256)}})
                        {
                            errors.Add($"The name '{command.Name}' has an invalid length.");
                        }

                        if (command.Amount < 0)
                        {
                            errors.Add("The amount " + command.Amount.ToString(CultureInfo.InvariantCulture) + " is negative.");
                        }

                        foreach (var tag in command.Tags.Where(t => t.Length > 32))
                        {
                            errors.Add($"The tag '{tag}' is longer than 32 characters.");
                        }

                        return errors;
                    }

                    public async Task<{{name}}Result> HandleAsync({{name}}Command command, CancellationToken cancellationToken)
                    {
                        var errors = Validate(command);
                        if (errors.Count > 0)
                        {
                            return new {{name}}Result(false, string.Join(" ", errors), null);
                        }

                        var item = new {{entity}}
                        {
                            Id = command.Id,
                            Name = command.Name,
                            Amount = command.Amount,
                            Quantity = command.Quantity,
                            CreatedAt = _clock.UtcNow,
                            IsActive = true,
                            Status = {{m.StatusEnum}}.Active,
                            Tags = command.Tags.ToList(),
                        };

                        await Task.Delay(0, cancellationToken);
                        return new {{name}}Result(true, "Created " + item.Id + " (" + _service + ")", item);
                    }
                }
                """);
        }

        public static void Report(CodeWriter w, ModuleState m, string name, string entity)
        {
            var columns = new List<string> { "Id", "Name", "Amount", "Quantity", "Status" };
            w.Line($"namespace {m.Namespace};").Line();
            w.Line($"/// <summary>Renders {entity} records as CSV, Markdown and plain text.</summary>");
            w.Open($"public static class {name}");
            w.Line($"public static readonly string[] Columns = {{ {string.Join(", ", columns.ConvertAll(c => "\"" + c + "\""))} }};").Line();
            w.Block($$"""
                public static string ToCsv(IEnumerable<{{entity}}> items)
                {
                    var builder = new StringBuilder();
                    builder.AppendLine(string.Join(",", Columns));
                    foreach (var item in items)
                    {
                        builder.Append(Escape(item.Id)).Append(',')
                            .Append(Escape(item.Name)).Append(',')
                            .Append(item.Amount.ToString(CultureInfo.InvariantCulture)).Append(',')
                            .Append(item.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                            .Append(item.Status.ToString())
                            .AppendLine();
                    }

                    return builder.ToString();
                }

                public static string ToMarkdown(IReadOnlyCollection<{{entity}}> items, string title)
                {
                    var lines = new List<string> { "# " + title, string.Empty, "| " + string.Join(" | ", Columns) + " |", "|" + string.Concat(Enumerable.Repeat("---|", Columns.Length)) };
                    lines.AddRange(items.Select(item => $"| {item.Id} | {item.Name} | {item.Amount:N2} | {item.Quantity} | {item.Status} |"));
                    lines.Add(string.Empty);
                    lines.Add($"{items.Count} rows, total {items.Sum(i => i.Amount):N2}.");
                    return string.Join("\n", lines);
                }

                public static string ToText({{entity}} item) =>
                    "Item " + item.Id + ": " + item.Name + " (" + item.Status + "), " + item.Quantity + " x " + item.Amount.ToString("C", CultureInfo.GetCultureInfo({{m.KeysClass}}.DefaultCulture));

                private static string Escape(string value) =>
                    value.IndexOfAny(new[] { ',', '"', '\n' }) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
                """);
            w.Close();
        }
    }
}
