using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
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
    /// between threads, so a race would show up as a diagnostic that comes and goes. One large compilation (the test
    /// suite's sources, each in its own namespace, the InsecureApp sample and plain code) is analyzed many times with
    /// concurrent execution, each time from a fresh clone (no binding or model cached by an earlier run) and fresh
    /// analyzer instances; every run must report exactly the same diagnostics.
    /// </summary>
    public sealed class ConcurrencyTests
    {
        private const int Runs = 20;
        private const int MaxTestSuiteFiles = 300;
        private const int PlainFiles = 60;

        /// <summary>A malformed option, so that MTA000 is part of the comparison too.</summary>
        private const string EditorConfig = "mongo_tls.min_connect_timeout = banana\nmongo_tls.debug_is_development = false";

        private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(2);

        private readonly ITestOutputHelper _output;

        public ConcurrencyTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void ConcurrentRunsOverALargeCompilationReportIdenticalDiagnostics()
        {
            var stopwatch = Stopwatch.StartNew();
            var compilation = LargeCompilation(out var fromTestSuite);
            var fromSample = compilation.SyntaxTrees.Count(t => t.FilePath.StartsWith("/corpus/samples/", StringComparison.Ordinal));
            Report($"Concurrency test: {compilation.SyntaxTrees.Count()} files ({fromTestSuite} from the test suite, {fromSample} from samples/InsecureApp, {PlainFiles} plain, global usings), " +
                $"built in {stopwatch.Elapsed.TotalSeconds:F1} s.");
            Assert.True(fromTestSuite >= 200, $"only {fromTestSuite} test-suite files compile cleanly");

            string[]? first = null;
            var runTimes = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                var watch = Stopwatch.StartNew();
                using var deadline = new CancellationTokenSource(RunDeadline);
                var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();
                var rendered = AnalyzerRunner.Run(compilation.Clone(), analyzers, editorConfig: EditorConfig, concurrent: true, cancellationToken: deadline.Token)
                    .Select(Render)
                    .OrderBy(line => line, StringComparer.Ordinal)
                    .ToArray();
                runTimes.Add(watch.Elapsed.TotalSeconds);
                if (first is null)
                {
                    first = rendered;
                    continue;
                }

                if (!first.SequenceEqual(rendered))
                {
                    var missing = first.Except(rendered).Take(5);
                    var extra = rendered.Except(first).Take(5);
                    Assert.Fail($"Run {run} differs from run 0 ({rendered.Length} vs {first.Length} diagnostics).\n" +
                        "Missing:\n  " + string.Join("\n  ", missing) + "\nExtra:\n  " + string.Join("\n  ", extra));
                }
            }

            var ids = first!.Select(line => line.Substring(0, line.IndexOf('|'))).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToList();
            Report($"Concurrency test: {Runs} runs, {first!.Length} diagnostics each, identical; rules {string.Join(" ", ids)}; " +
                $"run time {runTimes.Min():F1}-{runTimes.Max():F1} s; elapsed {stopwatch.Elapsed.TotalSeconds:F1} s.");
            var expected = RuleCatalogTests.Catalog.Select(c => c.Id).ToList();
            Assert.Equal(expected, ids);
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
        /// The harvested sources that are whole files with only type declarations, each moved into its own namespace,
        /// plus the InsecureApp sample and generated plain code; files that do not compile are dropped, so that the
        /// comparison is about analysis, not about error recovery (the mutation test covers that).
        /// </summary>
        private static CSharpCompilation LargeCompilation(out int fromTestSuite)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var files = new List<(string Path, string Text)>
            {
                ("/corpus/GlobalUsings.cs", "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading.Tasks;\n"),
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
            return Compile(files, parseOptions);
        }

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

        private static string PlainCode(int i) => $@"
namespace Corpus.Plain{i}
{{
    public sealed class Worker{i}
    {{
        private const string Greeting = ""hello {i}"";
        private readonly Dictionary<string, int> _counts = new Dictionary<string, int>();

        public string Endpoint => ""https://api.example.com/v{i % 3}/items?filter=mongodb&tls=false"";

        public IEnumerable<string> Words(string text) => text.Split(' ').Where(w => w.Length > {i % 5}).Select(w => w.ToUpperInvariant());

        public async Task<int> CountAsync(string key)
        {{
            await Task.Yield();
            return _counts.TryGetValue(key, out var n) ? n : {i};
        }}

        public string Describe(object value) => value switch
        {{
            int n when n > {i} => ""big"",
            string s => s + Greeting,
            _ => Greeting,
        }};

        public TimeSpan Timeout {{ get; set; }} = TimeSpan.FromMilliseconds({i * 100});
    }}
}}
";

        private void Report(string line)
        {
            _output.WriteLine(line);
            Console.WriteLine(line);
        }
    }
}
