using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.References;

namespace MongoTlsAnalyzers.Benchmarks.Micro
{
    /// <summary>
    /// Per-rule micro-benchmarks: for each rule, a triggering and a quiet input (<see cref="RuleCases"/>), each
    /// analysed by the rule alone (in a host of its own) and by the no-op floor (the baseline, so the Ratio column is rule / floor).
    /// One invocation is one CompilationWithAnalyzers over a one-file compilation, which the driver binds afresh.
    /// </summary>
    [MemoryDiagnoser]
    public class RuleBenchmarks
    {
        private Compilation _compilation = null!;
        private AnalyzerOptions _options = null!;
        private ImmutableArray<DiagnosticAnalyzer> _rule;
        private ImmutableArray<DiagnosticAnalyzer> _floor;

        [ParamsSource(nameof(Cases))]
        public RuleCase Case { get; set; } = null!;

        public static IEnumerable<RuleCase> Cases => RuleCases.All();

        [GlobalSetup]
        public void Setup()
        {
            (_compilation, _options, _rule, _floor) = Prepare(Case);
            Check(Case, _compilation, _options, _rule);
        }

        [Benchmark(Baseline = true, Description = "No-op floor")]
        public int Floor() => Run(_compilation, _floor, _options).Length;

        /// <summary>The rule reads the file's words again on every invocation (they are cached per tree, and the tree is reused).</summary>
        [Benchmark(Description = "Rule")]
        public int Rule()
        {
            MongoTlsAnalyzers.Screening.TreeFacts.ForgetAll();
            return Run(_compilation, _rule, _options).Length;
        }

        public static (Compilation, AnalyzerOptions, ImmutableArray<DiagnosticAnalyzer> Rule, ImmutableArray<DiagnosticAnalyzer> Floor) Prepare(RuleCase ruleCase)
        {
            var tree = CSharpSyntaxTree.ParseText(ruleCase.Source, new CSharpParseOptions(LanguageVersion.Latest), "/orders/OrdersClientFactory.cs");
            var compilation = CSharpCompilation.Create(
                "Contoso.Orders",
                new[] { tree },
                BenchReferences.WithDriver,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: Microsoft.CodeAnalysis.NullableContextOptions.Enable));
            _ = compilation.ReferencedAssemblyNames.Count();
            var rule = OurAnalyzers.PerRule().Single(a => a.SupportedDiagnostics.Any(d => d.Id == ruleCase.RuleId));
            return (compilation, BenchOptions.Create(ruleCase.EditorConfig), ImmutableArray.Create(rule), NoOpAnalyzer.Create());
        }

        /// <summary>Fails unless a triggering input reports its rule and a quiet input reports nothing, without errors.</summary>
        public static void Check(RuleCase ruleCase, Compilation compilation, AnalyzerOptions options, ImmutableArray<DiagnosticAnalyzer> rule)
        {
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var found = Run(compilation, rule, options);
            var hits = found.Count(d => d.Id == ruleCase.RuleId);
            var bad = found.Where(d => d.Id == "AD0001").ToList();
            if (errors.Count > 0 || bad.Count > 0 || (ruleCase.Triggers ? hits == 0 : hits > 0))
            {
                throw new InvalidOperationException($"Micro case '{ruleCase}' is not what it claims: {hits} {ruleCase.RuleId} diagnostic(s); " +
                    string.Join("; ", errors.Concat(bad).Select(d => d.ToString())));
            }
        }

        private static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options) =>
            compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false))
                .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
    }
}
