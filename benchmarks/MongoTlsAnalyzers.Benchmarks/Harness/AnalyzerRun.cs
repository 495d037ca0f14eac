using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>What one analysis of one compilation cost, per analyzer, and what it found.</summary>
    public sealed record AnalyzerRunResult(
        double WallMs,
        IReadOnlyList<double> ExecutionMs,
        IReadOnlyDictionary<string, int> DiagnosticCounts,
        IReadOnlyList<string> Exceptions)
    {
        /// <summary>The analyzers' own time (sum of their callbacks, as logAnalyzerExecutionTime measures it).</summary>
        public double TotalMs => ExecutionMs.Sum();
    }

    /// <summary>Runs a set of analyzers over a compilation through CompilationWithAnalyzers, with execution times logged.</summary>
    public static class AnalyzerRun
    {
        public static CompilationWithAnalyzers Attach(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool concurrent, List<string> exceptions) =>
            compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, analyzer, _) => { lock (exceptions) { exceptions.Add(analyzer.GetType().Name + ": " + exception.GetType().Name + ": " + exception.Message); } },
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));

        /// <summary>All analyzer diagnostics of the whole compilation (the compiler's command-line path).</summary>
        public static AnalyzerRunResult Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options, bool concurrent)
        {
            var exceptions = new List<string>();
            // The passes share syntax trees, which a build never does: our per-tree facts must be read again each time.
            MongoTlsAnalyzers.Screening.TreeFacts.ForgetAll();
            Analyzers.BaselineAnalyzers.ForgetTreeFacts();
            var withAnalyzers = Attach(compilation, analyzers, options, concurrent, exceptions);
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            stopwatch.Stop();
            var times = ExecutionTimes(withAnalyzers, analyzers);
            var counts = diagnostics.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.Count());
            exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
            return new AnalyzerRunResult(stopwatch.Elapsed.TotalMilliseconds, times, counts, exceptions);
        }

        /// <summary>Each analyzer's accumulated execution time so far, in milliseconds.</summary>
        public static IReadOnlyList<double> ExecutionTimes(CompilationWithAnalyzers withAnalyzers, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            analyzers.Select(a => withAnalyzers.GetAnalyzerTelemetryInfoAsync(a, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalMilliseconds).ToList();

        /// <summary>Collects garbage left by the previous measurement so that it is not charged to the next one.</summary>
        public static void Settle()
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }

    public static class Stats
    {
        public static double Median(IEnumerable<double> values) => Percentile(values, 50);

        /// <summary>Nearest-rank percentile.</summary>
        public static double Percentile(IEnumerable<double> values, double percentile)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
