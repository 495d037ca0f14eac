using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// Our analyzer alone, again and again, each time on a fresh compilation: the run to attach a sampling profiler
    /// to (dotnet-trace), so that our callbacks are a larger share of the samples than in the harness, where the
    /// compiler, the floor and the peer run too. Prints each round's execution time, and what the whole analysis (binding included) allocated, so that
    /// a run of ours and one of the floor (--floor) on the same code tell our own allocations; no budget is judged here.
    /// </summary>
    public static class ProfileHarness
    {
        public static int Run(AnalyzedCodeBase codeBase, int rounds, bool floor, bool hostOnly, string? baseline, Action<string> log, bool noScreen = false)
        {
            // The option that turns the screen off (docs/rules/MTA000.md), for measuring what the screen saves.
            var options = noScreen
                ? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BenchOptions(globalOptions: new Dictionary<string, string> { [MongoTlsOptionsReader.SourceScreenKey] = "false" }))
                : BenchOptions.Default;
            var analyzers = floor ? NoOpAnalyzer.Create() : hostOnly ? EmptyRule.Host() : baseline is not null ? BaselineAnalyzers.Load(baseline) : OurAnalyzers.Create();
            log($"== {(floor ? "No-op floor" : hostOnly ? "Our host without rules" : baseline ?? "MongoTlsAnalyzers")}{(noScreen ? " without the source screen" : string.Empty)} profile run: {codeBase.Files:N0} files, {codeBase.Lines:N0} lines, {rounds} round(s) after a warm-up");
            var times = new List<double>();
            var exceptions = 0;
            for (var round = 0; round <= rounds; round++)
            {
                var compilation = codeBase.CompileWithDriver(concurrentBuild: false);
                AnalyzerRun.Settle();
                var (allocated, gen0, gen1, gen2) = (GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                var result = AnalyzerRun.Run(compilation, analyzers, options, concurrent: false);
                var gcs = $"{(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated, GCs {GC.CollectionCount(0) - gen0}/{GC.CollectionCount(1) - gen1}/{GC.CollectionCount(2) - gen2}";
                exceptions += result.Exceptions.Count;
                if (round > 0)
                {
                    times.Add(result.TotalMs);
                }

                log($"  {(round == 0 ? "warm-up" : "round " + round)}: {result.TotalMs:F1} ms (wall {result.WallMs:F0} ms; {gcs}), " +
                    string.Join(", ", result.DiagnosticCounts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + " x" + p.Value)));
            }

            log($"median {Stats.Median(times):F1} ms; analyzer exceptions: {exceptions}");
            return exceptions > 0 ? 1 : 0;
        }
    }
}
