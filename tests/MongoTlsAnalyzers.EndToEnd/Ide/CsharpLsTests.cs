using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// The IDE path: csharp-ls 0.28.0 (a Roslyn-based language server, pinned in .config/dotnet-tools.json) loads
    /// samples/Samples.sln with csharp.analyzersEnabled = true and pushes our diagnostics, as squiggles, through
    /// textDocument/publishDiagnostics.
    /// </summary>
    public sealed class CsharpLsTests : IClassFixture<CsharpLsSession>
    {
        /// <summary>The sample's passwords: no diagnostic message may show them.</summary>
        private static readonly string[] SamplePasswords = { "Xk9mQ2vT7", "B4ckupNightly", "R3port!ng2024", "J50nC0mm1tted", "Arch!ve@2024" };

        /// <summary>
        /// The exact span of each diagnostic in samples/InsecureApp/MongoClientFactory.cs, written down by hand: the text
        /// from <c>From</c> to the end of <c>To</c> on the line that carries <c>// expect: Id</c>. Checked against
        /// <c>dotnet build</c> (1-based start line,column) and its SARIF log (end column, exclusive):
        /// MTA001 (9,9)-(9,162) the whole connection-string literal; MTA007 (16,9)-(16,66) the assignment;
        /// MTA008 (17,34)-(17,61) the TimeSpan.FromSeconds call; MTA007 (19,9)-(19,62) the assignment above the ceiling;
        /// MTA002 (25,65)-(25,116) the literal; MTA001 (26,83)-(26,98) the password argument.
        /// </summary>
        private static readonly (string Id, string From, string To)[] FactorySpans =
        {
            ("MTA001", "\"mongodb://orders_svc:", "authSource=admin\""),
            ("MTA007", "settings.ServerSelectionTimeout", "TimeSpan.FromSeconds(3)"),
            ("MTA008", "TimeSpan.FromSeconds(30000)", "TimeSpan.FromSeconds(30000)"),
            ("MTA007", "settings.WaitQueueTimeout", "TimeSpan.FromMinutes(10)"),
            ("MTA002", "\"mongodb://mongo-backup.", ":27017\""),
            ("MTA001", "\"B4ckupNightly\"", "\"B4ckupNightly\""),
        };

        /// <summary>
        /// The titles (or title prefixes) of every code action our fix providers register
        /// (src/MongoTlsAnalyzers.CodeFixes), including the helper-tier fix.
        /// </summary>
        private static readonly string[] OurFixTitles =
        {
            "Read the ", "Fail when the value is not configured", "Remove the unused hard-coded value", "Move to configuration",
            "Rename to ", "Remove ignored option", "Raise to the recommended minimum", "Remove, to use the driver default",
            "Use the system default protocols", "Allow only in Development", "Remove insecure setting",
            "Trust the CA with a custom-root validator", "trust the CA with a custom-root validator", "Convert unit",
            "Build the settings with MongoTlsAnalyzers.Settings", "Enable TLS", "Remove tls=false",
        };

        private static readonly Regex Expect = new Regex(@"// expect: (?<ids>MTA\d{3}(?:, MTA\d{3})*)\s*$", RegexOptions.None, TimeSpan.FromSeconds(5));

        private readonly CsharpLsSession _session;
        private readonly ITestOutputHelper _output;
        private int _reportedLog;

        public CsharpLsTests(CsharpLsSession session, ITestOutputHelper output)
        {
            _session = session;
            _output = output;
        }

        [Fact]
        public void CsharpLs_publishes_our_diagnostics_at_the_exact_ranges_with_redacted_messages()
        {
            var path = InsecureApp("MongoClientFactory.cs");
            var expected = ExpectedFactoryRanges();
            var diagnostics = OurDiagnostics(_session.OpenAndWaitForDiagnostics(path, HasOurs, "MTA diagnostics"));
            Report(path, diagnostics);

            Assert.Equal(expected, diagnostics.Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList());
            foreach (var diagnostic in diagnostics)
            {
                // Warning: MTA002 is Info by default and raised by samples/InsecureApp/.editorconfig, which the server honours.
                Assert.Equal(2, diagnostic.GetProperty("severity").GetInt32());
                AssertRedacted(diagnostic);
            }

            var ordersString = diagnostics.Single(d => Code(d) == "MTA001" && Line(d) == 8);
            Assert.StartsWith(
                "The MongoDB connection string 'mongodb://orders_svc:****@mongo-prod-01.internal.example.com:27017,",
                ordersString.GetProperty("message").GetString());

            // Analyzers are on because the client answered the server's workspace/configuration request for the "csharp"
            // section (csharp-ls 0.28.0 asks for that one section, once, after "initialized").
            Assert.Contains(_session.ServerRequests(), r => r.Method == "workspace/configuration" && r.Params.Contains("\"section\":\"csharp\"", StringComparison.Ordinal));
        }

        [Fact]
        public void CsharpLs_publishes_every_expected_diagnostic_of_the_insecure_sample_on_its_line()
        {
            var files = Directory.GetFiles(RepositoryPaths.Combine("samples", "InsecureApp"), "*.cs").Where(f => ExpectedIdsByLine(f).Count > 0).OrderBy(f => f, StringComparer.Ordinal).ToList();
            Assert.Equal(new[] { "AnalyticsStore.cs", "ArchiveStore.cs", "AuditStore.cs", "CertificateSetup.cs", "MongoClientFactory.cs", "ReportingStore.cs", "TlsConfiguration.cs" }, files.Select(Path.GetFileName));
            var allIds = new HashSet<string>();
            foreach (var file in files)
            {
                var diagnostics = OurDiagnostics(_session.OpenAndWaitForDiagnostics(file, HasOurs, "MTA diagnostics"));
                Report(file, diagnostics);
                Assert.Equal(ExpectedIdsByLine(file), diagnostics.Select(d => $"{Code(d)} line {Line(d)}").OrderBy(s => s, StringComparer.Ordinal).ToList());
                foreach (var diagnostic in diagnostics)
                {
                    AssertRedacted(diagnostic);
                    allIds.Add(Code(diagnostic));
                }
            }

            Assert.Equal(Enumerable.Range(1, 11).Select(n => $"MTA{n:D3}"), allIds.OrderBy(id => id, StringComparer.Ordinal));
        }

        /// <summary>
        /// csharp-ls 0.28.0 does not offer third-party code fixes. Its textDocument/codeAction handler instantiates only
        /// the CodeFixProvider and CodeRefactoringProvider types of Roslyn's own assemblies (Microsoft.CodeAnalysis.Features,
        /// Microsoft.CodeAnalysis.CSharp.Features, Microsoft.CodeAnalysis.Workspaces), never the analyzer references' fixers,
        /// and it matches them against the compiler's diagnostics (SemanticModel.GetDiagnostics), never the analyzers' nor
        /// the diagnostics the client sends in the context. What it answered for each MTA diagnostic of
        /// MongoClientFactory.cs, with that diagnostic in the context, is only Roslyn refactorings:
        /// MTA001 (the connection-string constant): "Encapsulate field: 'OrdersConnectionString' (and use property)",
        ///   "Encapsulate field: 'OrdersConnectionString' (but still use field)", "Convert to raw string";
        /// MTA007 (the assignment): "Extract method", "Extract local function";
        /// MTA008 (TimeSpan.FromSeconds(30000)): "Introduce local - ...", "Extract method", "Extract local function",
        ///   "Introduce parameter for 'TimeSpan.FromSeconds(30000)' - ...";
        /// MTA002 and MTA001 (string literals): "Introduce constant - ...", "Extract method", "Extract local function", ...
        /// None of them is a quick fix (kind "quickfix"), and our fixes, which the same diagnostics get in a host that
        /// loads analyzer-assembly fix providers (Visual Studio, Rider, C# Dev Kit), are absent: "Convert unit: read the
        /// number as milliseconds" (MTA008), "Raise to the recommended minimum" (MTA007), "Read the ... from ..."
        /// (MTA001, MTA002), "Build the settings with MongoTlsAnalyzers.Settings ..." (the helper tier).
        /// </summary>
        [Fact]
        public void CsharpLs_offers_only_Roslyns_own_code_actions_never_our_fixes()
        {
            var path = InsecureApp("MongoClientFactory.cs");
            var diagnostics = OurDiagnostics(_session.OpenAndWaitForDiagnostics(path, HasOurs, "MTA diagnostics"));
            Assert.Equal(FactorySpans.Length, diagnostics.Count);
            foreach (var diagnostic in diagnostics)
            {
                var actions = _session.Client.Request("textDocument/codeAction", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = CsharpLsSession.UriOf(path) },
                    ["range"] = JsonNode.Parse(diagnostic.GetProperty("range").GetRawText()),
                    ["context"] = new JsonObject
                    {
                        ["diagnostics"] = new JsonArray(JsonNode.Parse(diagnostic.GetRawText())),
                        ["triggerKind"] = 1,
                    },
                }, CsharpLsSession.RequestTimeout);
                Assert.Equal(JsonValueKind.Array, actions.ValueKind);
                var offered = actions.EnumerateArray()
                    .Select(a => (Title: a.GetProperty("title").GetString()!, Kind: a.TryGetProperty("kind", out var kind) ? kind.GetString() : null))
                    .ToList();
                _output.WriteLine($"codeAction for {Describe(diagnostic)}: {string.Join(" | ", offered.Select(a => a.Title + (a.Kind is null ? string.Empty : " [" + a.Kind + "]")))}");

                // The server did answer with actions for the range (its own refactorings), so the document was loaded...
                Assert.NotEmpty(offered);
                // ...but none is ours, and none is a quick fix for the diagnostic.
                Assert.DoesNotContain(offered, a => OurFixTitles.Any(ours => a.Title.Contains(ours, StringComparison.Ordinal)));
                Assert.DoesNotContain(offered, a => a.Kind == "quickfix");
            }
        }

        /// <summary>
        /// What csharp-ls 0.28.0 publishes for a JSON configuration file (README "Configuration files in editors").
        /// Editors attach csharp-ls to C# buffers only, so a JSON file normally never reaches it. A client that opens one
        /// anyway (here with languageId "json") gets it treated as C#: the compiler's parse errors (CS1002 and the like)
        /// and our diagnostics of that file, each twice, at the lines the sample's appsettings.json expects. The C# file
        /// of the same project is analysed first, to show that the server is live and runs the analyzers.
        /// </summary>
        [Fact]
        public void CsharpLs_treats_an_opened_json_file_as_csharp_and_publishes_our_diagnostics_in_it()
        {
            Assert.NotEmpty(OurDiagnostics(_session.OpenAndWaitForDiagnostics(InsecureApp("MongoClientFactory.cs"), HasOurs, "MTA diagnostics")));
            var json = InsecureApp("appsettings.json");
            _session.Open(json, "json");
            var published = _session.Client.WaitForNotification(
                "textDocument/publishDiagnostics",
                p => CsharpLsSession.SameFile(p.GetProperty("uri").GetString()!, json) && HasOurs(p.GetProperty("diagnostics").EnumerateArray().ToArray()),
                CsharpLsSession.DiagnosticsTimeout,
                "MTA diagnostics for appsettings.json").GetProperty("diagnostics").EnumerateArray().ToArray();
            _output.WriteLine($"csharp-ls published {published.Length} diagnostics for appsettings.json: {string.Join(", ", published.Select(Describe))}");

            Assert.Contains(published, d => Code(d) == "CS1002");
            var ours = OurDiagnostics(published);
            Assert.Equal(ExpectedIdsByLine(json), ours.Select(d => $"{Code(d)} line {Line(d)}").Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList());
            foreach (var diagnostic in ours)
            {
                AssertRedacted(diagnostic);
            }
        }

        [Fact]
        public void CsharpLs_publishes_no_MTA_diagnostic_for_the_secure_sample()
        {
            // Analyzers are on in this server: the insecure sample's diagnostics are there first.
            Assert.NotEmpty(OurDiagnostics(_session.OpenAndWaitForDiagnostics(InsecureApp("MongoClientFactory.cs"), HasOurs, "MTA diagnostics")));
            foreach (var file in new[] { "Program.cs", "OrderRepository.cs", "ReportingStore.cs" })
            {
                var path = RepositoryPaths.Combine("samples", "SecureApp", file);
                var diagnostics = _session.OpenAndWaitForDiagnostics(path, _ => true, "any diagnostics");
                Report(path, diagnostics);
                Assert.Empty(OurDiagnostics(diagnostics));
            }
        }

        internal static string InsecureApp(string file) => RepositoryPaths.Combine("samples", "InsecureApp", file);

        /// <summary>The expected "ID startLine:startChar-endLine:endChar" (0-based) of MongoClientFactory.cs, sorted.</summary>
        internal static List<string> ExpectedFactoryRanges()
        {
            var path = InsecureApp("MongoClientFactory.cs");
            var lines = File.ReadAllLines(path);
            var expected = FactorySpans.Select(span =>
            {
                var line = Array.FindIndex(lines, l => Expect.Match(l) is { Success: true } m && m.Groups["ids"].Value.Split(", ").Contains(span.Id) && l.Contains(span.From));
                Assert.True(line >= 0, $"no line of {path} has '// expect: {span.Id}' and {span.From}");
                var start = lines[line].IndexOf(span.From, StringComparison.Ordinal);
                var end = lines[line].IndexOf(span.To, start, StringComparison.Ordinal) + span.To.Length;
                return $"{span.Id} {line}:{start}-{line}:{end}";
            }).OrderBy(s => s, StringComparer.Ordinal).ToList();

            // The table covers every expected diagnostic of the file.
            Assert.Equal(ExpectedIdsByLine(path).Count, expected.Count);
            return expected;
        }

        internal static bool HasOurs(JsonElement[] diagnostics) => OurDiagnostics(diagnostics).Count > 0;

        internal static List<JsonElement> OurDiagnostics(IEnumerable<JsonElement> diagnostics) =>
            diagnostics.Where(d => Code(d).StartsWith("MTA", StringComparison.Ordinal)).ToList();

        internal static string Code(JsonElement diagnostic) =>
            diagnostic.TryGetProperty("code", out var code) ? code.ToString() : string.Empty;

        private static int Line(JsonElement diagnostic) => diagnostic.GetProperty("range").GetProperty("start").GetProperty("line").GetInt32();

        /// <summary>"ID startLine:startChar-endLine:endChar", 0-based as in LSP.</summary>
        internal static string Describe(JsonElement diagnostic)
        {
            var range = diagnostic.GetProperty("range");
            string Position(string which) => $"{range.GetProperty(which).GetProperty("line").GetInt32()}:{range.GetProperty(which).GetProperty("character").GetInt32()}";
            return $"{Code(diagnostic)} {Position("start")}-{Position("end")}";
        }

        /// <summary>"ID line N" (0-based) for every ID in every <c>// expect:</c> comment of the file.</summary>
        private static List<string> ExpectedIdsByLine(string path) =>
            File.ReadAllLines(path)
                .SelectMany((text, line) => Expect.Match(text) is { Success: true } m ? m.Groups["ids"].Value.Split(", ").Select(id => $"{id} line {line}") : Enumerable.Empty<string>())
                .OrderBy(s => s, StringComparer.Ordinal)
                .ToList();

        internal static void AssertRedacted(JsonElement diagnostic)
        {
            var message = diagnostic.GetProperty("message").GetString()!;
            foreach (var password in SamplePasswords)
            {
                Assert.False(message.Contains(password, StringComparison.Ordinal), $"{Describe(diagnostic)} shows a password: {message}");
            }
        }

        private void Report(string path, IEnumerable<JsonElement> diagnostics)
        {
            lock (_session.Log)
            {
                foreach (var line in _session.Log.Skip(_reportedLog))
                {
                    _output.WriteLine(line);
                }

                _reportedLog = _session.Log.Count;
            }

            foreach (var diagnostic in diagnostics)
            {
                _output.WriteLine($"{Path.GetFileName(path)}: {diagnostic.GetRawText()}");
            }
        }
    }

    /// <summary>
    /// csharp-ls 0.28.0 also serves pull diagnostics: its initialize result has diagnosticProvider, and a client that
    /// announces textDocument.diagnostic gets textDocument/diagnostic registered dynamically and no pushed diagnostics
    /// at all. Editors on that path (LSP 3.17 clients) get the same diagnostics.
    /// </summary>
    public sealed class CsharpLsPullDiagnosticsTests : IClassFixture<CsharpLsPullSession>
    {
        private readonly CsharpLsPullSession _session;

        public CsharpLsPullDiagnosticsTests(CsharpLsPullSession session)
        {
            _session = session;
        }

        [Fact]
        public void CsharpLs_answers_textDocument_diagnostic_with_our_diagnostics_at_the_exact_ranges()
        {
            var path = CsharpLsTests.InsecureApp("MongoClientFactory.cs");
            _session.Open(path);
            var report = _session.Client.Request("textDocument/diagnostic", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = CsharpLsSession.UriOf(path) },
            }, CsharpLsSession.DiagnosticsTimeout);

            Assert.Equal("full", report.GetProperty("kind").GetString());
            var diagnostics = CsharpLsTests.OurDiagnostics(report.GetProperty("items").EnumerateArray());
            Assert.Equal(CsharpLsTests.ExpectedFactoryRanges(), diagnostics.Select(CsharpLsTests.Describe).OrderBy(s => s, StringComparer.Ordinal).ToList());
            foreach (var diagnostic in diagnostics)
            {
                CsharpLsTests.AssertRedacted(diagnostic);
            }

            Assert.Contains(_session.ServerRequests(), r => r.Method == "client/registerCapability" && r.Params.Contains("\"textDocument/diagnostic\"", StringComparison.Ordinal));
            Assert.DoesNotContain(_session.Client.Notifications("textDocument/publishDiagnostics"), p => CsharpLsTests.HasOurs(p.GetProperty("diagnostics").EnumerateArray().ToArray()));
        }
    }
}
