using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>Per-document figures, in milliseconds, one value per sampled document.</summary>
    public sealed record IdeFigures(int Documents, IReadOnlyList<double> BindingMs, IReadOnlyList<double> FloorMs, IReadOnlyList<double> OursMs, IReadOnlyList<double> OursExecutionMs, IReadOnlyList<string> Exceptions);

    /// <summary>
    /// What the IDE pays for one document: the semantic diagnostics of that document
    /// (CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync on its SemanticModel), with the compilation's
    /// declarations bound and the documents before it already analysed (so our per-compilation model is warm).
    /// For each sampled document a primer request comes first, then the floor and our analyzers, in alternating
    /// order. The budget applies to our analyzers' execution time for the document (logAnalyzerExecutionTime):
    /// each request's wall time also contains the driver binding the document again, which every analyzer pays
    /// alike (the no-op floor's request costs as much as ours).
    /// </summary>
    public static class IdeHarness
    {
        public static IdeFigures Run(AnalyzedCodeBase codeBase, int sampleSize, Action<string> log)
        {
            var ours = OurAnalyzers.Create();
            var floor = NoOpAnalyzer.Create();
            var primer = ImmutableArray.Create<DiagnosticAnalyzer>(new PrimerAnalyzer());
            var exceptions = new List<string>();
            AnalyzerRun.Settle();
            MongoTlsAnalyzers.Screening.TreeFacts.ForgetAll();
            var withAnalyzers = AnalyzerRun.Attach(codeBase.CompileWithDriver(concurrentBuild: false), ours.AddRange(floor).AddRange(primer), BenchOptions.Default, concurrent: false, exceptions);
            var compilation = withAnalyzers.Compilation;

            // The IDE's compilation has its declarations bound before any document is analysed.
            _ = compilation.GetDeclarationDiagnostics();

            var trees = compilation.SyntaxTrees.ToList();
            var warmUp = trees.Take(Math.Min(10, trees.Count / 10)).ToList();
            var candidates = trees.Skip(warmUp.Count).ToList();
            var stride = Math.Max(1, candidates.Count / Math.Max(1, sampleSize));
            var sample = candidates.Where((_, i) => i % stride == 0).Take(sampleSize).ToList();

            var binding = new List<double>();
            var floorMs = new List<double>();
            var oursMs = new List<double>();
            var oursExecution = new List<double>();
            var before = AnalyzerRun.ExecutionTimes(withAnalyzers, ours).Sum();
            foreach (var (tree, index) in warmUp.Select((t, i) => (t, -1 - i)).Concat(sample.Select((t, i) => (t, i))))
            {
                var model = compilation.GetSemanticModel(tree);
                var bind = Time(withAnalyzers, model, primer);
                double floorTime, oursTime;
                if ((index & 1) == 0)
                {
                    floorTime = Time(withAnalyzers, model, floor);
                    oursTime = Time(withAnalyzers, model, ours);
                }
                else
                {
                    oursTime = Time(withAnalyzers, model, ours);
                    floorTime = Time(withAnalyzers, model, floor);
                }

                var after = AnalyzerRun.ExecutionTimes(withAnalyzers, ours).Sum();
                if (index >= 0)
                {
                    binding.Add(bind);
                    floorMs.Add(floorTime);
                    oursMs.Add(oursTime);
                    oursExecution.Add(after - before);
                }

                before = after;
            }

            log($"  IDE: {sample.Count} documents measured (every {stride}th, after {warmUp.Count} warm-up documents)");
            return new IdeFigures(sample.Count, binding, floorMs, oursMs, oursExecution, exceptions);
        }

        private static double Time(CompilationWithAnalyzers withAnalyzers, SemanticModel model, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var stopwatch = Stopwatch.StartNew();
            _ = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, analyzers, CancellationToken.None).GetAwaiter().GetResult();
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        /// <summary>Makes the driver bind the document and build its operation trees, which the IDE caches per document.</summary>
        private sealed class PrimerAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("PRIMER", "Primer", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.EnableConcurrentExecution();
                context.RegisterOperationAction(static _ => { }, OperationKind.Literal, OperationKind.Invocation, OperationKind.SimpleAssignment);
            }
        }
    }
}
