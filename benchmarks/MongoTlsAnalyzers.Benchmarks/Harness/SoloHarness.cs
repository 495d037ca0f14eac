using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// Attribution aid (--solo): each of our analyzers alone on a fresh compilation. In the combined run the
    /// rules share one model per compilation (folded strings, parsed URIs, single-assignment lookups), so the
    /// first rule to ask pays for everyone; alone, each pays for what it needs.
    /// </summary>
    public static class SoloHarness
    {
        public static string Run(AnalyzedCodeBase codeBase, bool concurrent, Action<string> log)
        {
            var rows = new List<(string Label, double Ms)>();
            foreach (var analyzer in OurAnalyzers.PerRule())
            {
                AnalyzerRun.Settle();
                var result = AnalyzerRun.Run(codeBase.CompileWithDriver(concurrent), ImmutableArray.Create(analyzer), BenchOptions.Default, concurrent);
                rows.Add((OurAnalyzers.Label(analyzer), result.TotalMs));
                log($"  solo {OurAnalyzers.Label(analyzer)}: {result.TotalMs:F1} ms");
            }

            var width = rows.Max(r => r.Label.Length);
            return "Each rule alone, in a host of its own, on a fresh compilation (ms):" + Environment.NewLine +
                string.Join(Environment.NewLine, rows.OrderByDescending(r => r.Ms).Select(r => "  " + r.Label.PadRight(width) + "  " + r.Ms.ToString("N1", System.Globalization.CultureInfo.InvariantCulture).PadLeft(10))) + Environment.NewLine;
        }
    }
}
