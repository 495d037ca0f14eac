using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Concurrent analysis must not change what is reported: the analyzers share per-compilation models and caches
    /// between threads, so a race would show up as a diagnostic that comes and goes. One large corpus (the test suite's
    /// sources, each in its own namespace, the InsecureApp sample and plain code) is first analyzed sequentially
    /// (concurrentAnalysis: false), which gives the reference; then it is analyzed many times with concurrent
    /// execution, and every run must report exactly the reference's diagnostics. Every run starts from cold caches:
    /// the analyzers cache per-compilation models (keyed by the Compilation) and per-tree facts (keyed by the
    /// SyntaxTree), so each run parses the corpus afresh into new trees and a new compilation, with fresh analyzer
    /// instances, and shares nothing with another run. Finally two analyses of one compilation run at the same time
    /// (two CompilationWithAnalyzers over the same Compilation instance, sharing its caches), and both must equal the
    /// reference too.
    /// </summary>
    public sealed class ConcurrencyTests
    {
        private const int Runs = 20;
        private const int MaxTestSuiteFiles = 300;
        private const int PlainFiles = 60;

        /// <summary>A malformed option, so that MTA000 is part of the comparison too.</summary>
        private const string EditorConfig = "mongo_tls.min_connect_timeout = banana\nmongo_tls.debug_is_development = false";

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        /// <summary>The corpus's file texts (only text: every run parses them into its own trees and compilation).</summary>
        private static readonly Lazy<(List<(string Path, string Text)> Files, int FromTestSuite)> Corpus =
            new Lazy<(List<(string Path, string Text)> Files, int FromTestSuite)>(() => (LargeCorpus(out var fromTestSuite), fromTestSuite));

        private readonly ITestOutputHelper _output;

        public ConcurrencyTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ConcurrentRunsOverALargeCompilationReportIdenticalDiagnostics()
        {
            var stopwatch = Stopwatch.StartNew();
            var (files, fromTestSuite) = Corpus.Value;
            var fromSample = files.Count(f => f.Path.StartsWith("/corpus/samples/", StringComparison.Ordinal));
            Report($"Concurrency test: {files.Count} files ({fromTestSuite} from the test suite, {fromSample} from samples/InsecureApp, {PlainFiles} plain, global usings), " +
                $"built in {stopwatch.Elapsed.TotalSeconds:F1} s.");
            Assert.True(fromTestSuite >= 200, $"only {fromTestSuite} test-suite files compile cleanly");

            // The reference: sequential analysis of its own freshly parsed compilation.
            var reference = Analyze(Compile(files), concurrent: false, "the sequential reference run");
            Assert.NotEmpty(reference);

            var runTimes = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                var rendered = Analyze(Compile(files), concurrent: true, $"concurrent run {run}");
                runTimes.Add(watch.Elapsed.TotalSeconds);
                AssertSameAsReference(reference, rendered, $"Concurrent run {run}");
            }

            var ids = reference.Select(line => line.Substring(0, line.IndexOf('|'))).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            Report($"Concurrency test: {Runs} concurrent runs, {reference.Length} diagnostics each, identical to the sequential reference; rules {string.Join(" ", ids)}; " +
                $"run time {runTimes.Min():F1}-{runTimes.Max():F1} s; elapsed {stopwatch.Elapsed.TotalSeconds:F1} s.");
            var expected = RuleCatalogTests.Catalog.Select(c => c.Id).ToList();
            Assert.Equal(expected, ids);
        }

        [Fact]
        public async Task TwoAnalysesOfOneCompilationAtTheSameTimeBothMatchTheSequentialReference()
        {
            var files = Corpus.Value.Files;
            var reference = Analyze(Compile(files), concurrent: false, "the sequential reference run");
            Assert.NotEmpty(reference);

            // One fresh compilation (cold caches), two CompilationWithAnalyzers over that same instance, released together.
            var shared = Compile(files);
            using var start = new Barrier(2);
            var analyses = Enumerable.Range(0, 2)
                .Select(i => Task.Factory.StartNew(
                    () =>
                    {
                        start.SignalAndWait();
                        return Analyze(shared, concurrent: true, $"simultaneous analysis {i}");
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default))
                .ToArray();
            // Each analysis runs under HangGuard, so a hang fails it (as hung) instead of blocking here.
            var results = await Task.WhenAll(analyses);

            AssertSameAsReference(reference, results[0], "Simultaneous analysis 0");
            AssertSameAsReference(reference, results[1], "Simultaneous analysis 1");
            Report($"Concurrency test: two simultaneous analyses of one compilation, {reference.Length} diagnostics each, identical to the sequential reference.");
        }

        /// <summary>The rendered, sorted diagnostics of fresh analyzer instances over <paramref name="compilation"/>; fails as hung after minutes.</summary>
        private static string[] Analyze(Compilation compilation, bool concurrent, string what) =>
            HangGuard.Run(what, cancellationToken =>
                AnalyzerRunner.Run(compilation, RuleCatalogTests.AllAnalyzers().ToImmutableArray(), editorConfig: EditorConfig, concurrent: concurrent, cancellationToken: cancellationToken)
                    .Select(Render)
                    .OrderBy(line => line, StringComparer.Ordinal)
                    .ToArray());

        private static void AssertSameAsReference(string[] reference, string[] rendered, string what)
        {
            if (!reference.SequenceEqual(rendered))
            {
                var missing = reference.Except(rendered).Take(5);
                var extra = rendered.Except(reference).Take(5);
                Assert.Fail($"{what} differs from the sequential reference ({rendered.Length} vs {reference.Length} diagnostics).\n" +
                    "Missing:\n  " + string.Join("\n  ", missing) + "\nExtra:\n  " + string.Join("\n  ", extra));
            }
        }

        private static string Render(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return string.Join("|",
                diagnostic.Id,
                diagnostic.Location.IsInSource ? span.Path : "(no file)",
                diagnostic.Location.SourceSpan.ToString(),
                diagnostic.GetMessage(CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The files of the corpus: the harvested sources that are whole files with only type declarations, each moved into its own namespace,
        /// plus the InsecureApp sample and generated plain code; files that do not compile are dropped, so that the
        /// comparison is about analysis, not about error recovery (the mutation test covers that).
        /// </summary>
        private static List<(string Path, string Text)> LargeCorpus(out int fromTestSuite)
        {
            var parseOptions = ParseOptions;
            var files = new List<(string Path, string Text)>
            {
                ("/corpus/GlobalUsings.cs", /* lang=c#-test */ """
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading.Tasks;

"""),
            };
            foreach (var (source, index) in TestSourceHarvest.All.Select((s, i) => (s, i)))
            {
                if (InOwnNamespace(source.Text, "Corpus.Suite" + index, parseOptions) is string text)
                {
                    files.Add(($"/corpus/suite/{index}.cs", text));
                }
            }

            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("samples", "InsecureApp"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                files.Add(("/corpus/samples/" + Path.GetFileName(file), File.ReadAllText(file)));
            }

            for (var i = 0; i < PlainFiles; i++)
            {
                files.Add(($"/corpus/plain/Plain{i}.cs", PlainCode(i)));
            }

            // Drop what does not compile; dropping a file can break another (the sample's files use each other), so repeat.
            var compilation = Compile(files, parseOptions);
            for (var pass = 0; pass < 5; pass++)
            {
                var broken = compilation.GetDiagnostics()
                    .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource)
                    .Select(d => d.Location.SourceTree!.FilePath)
                    .ToHashSet(StringComparer.Ordinal);
                if (broken.Count == 0)
                {
                    break;
                }

                files = files.Where(f => !broken.Contains(f.Path)).ToList();
                compilation = Compile(files, parseOptions);
            }

            var suite = files.Where(f => f.Path.StartsWith("/corpus/suite/", StringComparison.Ordinal)).Take(MaxTestSuiteFiles).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            files = files.Where(f => !f.Path.StartsWith("/corpus/suite/", StringComparison.Ordinal) || suite.Contains(f.Path)).ToList();
            fromTestSuite = suite.Count;
            return files;
        }

        /// <summary>A new compilation of freshly parsed trees: nothing cached for an earlier compilation or tree applies to it.</summary>
        private static CSharpCompilation Compile(List<(string Path, string Text)> files) => Compile(files, ParseOptions);

        private static CSharpCompilation Compile(List<(string Path, string Text)> files, CSharpParseOptions parseOptions) =>
            CSharpCompilation.Create(
                "ConcurrencyCorpus",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parseOptions, path: f.Path)),
                TestReferences.For(DriverVersion.V3),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        /// <summary>The source with its types moved into <paramref name="namespaceName"/>, or null when it is not a clean file of types.</summary>
        private static string? InOwnNamespace(string text, string namespaceName, CSharpParseOptions parseOptions)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, parseOptions).GetRoot();
            if (root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
                || root.Members.Count == 0
                || root.AttributeLists.Count > 0
                || root.Members.Any(m => m is not BaseTypeDeclarationSyntax and not DelegateDeclarationSyntax))
            {
                return null;
            }

            var members = string.Concat(root.Members.Select(m => m.ToFullString()));
            return root.Externs.ToFullString() + root.Usings.ToFullString() + $"\nnamespace {namespaceName}\n{{\n{members}\n}}\n";
        }

        private static string PlainCode(int i) => /* lang=c#-test */ $$"""

namespace Corpus.Plain{{i}}
{
    public sealed class Worker{{i}}
    {
        private const string Greeting = "hello {{i}}";
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();

        public string Endpoint => "https://api.example.com/v{{i % 3}}/items?filter=mongodb&tls=false";

        public IEnumerable<string> Words(string text) => text.Split(' ').Where(w => w.Length > {{i % 5}}).Select(w => w.ToUpperInvariant());

        public async Task<int> CountAsync(string key)
        {
            await Task.Yield();
            return _counts.TryGetValue(key, out var n) ? n : {{i}};
        }

        public string Describe(object value) => value switch
        {
            int n when n > {{i}} => "big",
            string s => s + Greeting,
            _ => Greeting,
        };

        public TimeSpan Timeout { get; set; } = TimeSpan.FromMilliseconds({{i * 100}});
    }
}

""";

        private void Report(string line)
        {
            _output.WriteLine(line);
            Console.WriteLine(line);
        }
    }
}
