using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>Prints the harness figures as one table, with the docs/performance.md budgets and a PASS/MISS verdict each.</summary>
    public static class ReportTable
    {
        public const double CompileShareBudget = 0.01;
        public const double PeerRatioBudget = 0.5;
        public const double NoDriverBudgetMs = 1.0;
        public const double IdeP95BudgetMs = 5.0;

        public static string Render(WholeCompilationFigures whole, NoDriverFigures? noDriver, IdeFigures? ide, out int misses)
        {
            var rows = new List<string[]>();
            var verdicts = new List<bool>();
            void Row(string what, string value, string ratio = "", string budget = "", bool? pass = null)
            {
                rows.Add(new[] { what, value, ratio, budget, pass is null ? string.Empty : pass.Value ? "PASS" : "MISS" });
                if (pass is not null)
                {
                    verdicts.Add(pass.Value);
                }
            }

            var compile = whole.MedianCompile;
            var ours = whole.Ours.MedianTotal;
            var floor = whole.Floor.MedianTotal;
            var peer = whole.Peer.MedianTotal;
            Row($"Whole compilation, median of {whole.Passes} pass(es)", "ms", "ratio", "budget", null);
            Row("  Compilation.GetDiagnostics (the compiler's own time)", Ms(compile));
            Row($"  MongoTlsAnalyzers, {whole.Ours.Labels.Count} analyzer(s) (execution time)", Ms(ours), Pct(ours / compile) + " of compile", "<= 1% of compile", ours / compile <= CompileShareBudget);
            Row($"  No-op floor, {whole.Floor.Labels.Count} analyzer, one registration of each kind", Ms(floor), Pct(floor / compile) + " of compile");
            Row("  MongoTlsAnalyzers / no-op floor", string.Empty, X(ours / floor));
            Row($"  Peer: NetAnalyzers CA5359/CA5397/CA5398/CA5399, {whole.Peer.Labels.Count} analyzers", Ms(peer), Pct(peer / compile) + " of compile");
            Row("  Peer / no-op floor", string.Empty, X(peer / floor));
            Row("  MongoTlsAnalyzers / peer", string.Empty, X(ours / peer), "<= 0.5x peer", ours / peer <= PeerRatioBudget);
            if (whole.Baseline is { } baseline)
            {
                Row($"  Baseline (--baseline), {baseline.Labels.Count} analyzer(s)", Ms(baseline.MedianTotal), Pct(baseline.MedianTotal / compile) + " of compile");
                Row("  MongoTlsAnalyzers / baseline", string.Empty, X(ours / baseline.MedianTotal));
            }

            Row("  Wall of GetAnalyzerDiagnosticsAsync incl. binding: ours / floor / peer", $"{Ms(whole.Ours.MedianWall)} / {Ms(whole.Floor.MedianWall)} / {Ms(whole.Peer.MedianWall)}");
            if (noDriver is not null)
            {
                Row($"Without MongoDB.Driver ({noDriver.Files} files, {noDriver.Lines:N0} lines), median / max", $"{Ms(noDriver.MedianTotal, 3)} / {Ms(noDriver.MaxTotal, 3)}", string.Empty, "< 1 ms", noDriver.MedianTotal < NoDriverBudgetMs);
            }

            if (ide is not null)
            {
                Row($"IDE, one document's semantic diagnostics ({ide.Documents} documents)", "p50 / p95 ms");
                Row("  MongoTlsAnalyzers, execution time per document", P(ide.OursExecutionMs), string.Empty, "p95 < 5 ms", Stats.Percentile(ide.OursExecutionMs, 95) < IdeP95BudgetMs);
                Row("  MongoTlsAnalyzers request minus no-op request, per document (wall)", P(ide.OursMs.Zip(ide.FloorMs, (o, f) => o - f).ToList()));
                Row("  MongoTlsAnalyzers request, per document (wall)", P(ide.OursMs));
                Row("  No-op floor request, per document (wall)", P(ide.FloorMs));
                Row("  Primer request (binds the document), per document (wall)", P(ide.BindingMs));
            }

            misses = verdicts.Count(v => !v);
            var text = new StringBuilder();
            var widths = Enumerable.Range(0, 5).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
            {
                text.Append(row[0].PadRight(widths[0])).Append("  ").Append(row[1].PadLeft(widths[1])).Append("  ")
                    .Append(row[2].PadRight(widths[2])).Append("  ").Append(row[3].PadRight(widths[3])).Append("  ").Append(row[4]);
                text.Append(Environment.NewLine);
            }

            text.Append(Environment.NewLine).Append(PerAnalyzer(whole.Ours, compile)).Append(PerAnalyzer(whole.Peer, compile));
            text.Append("Per pass (ms): compile ").Append(Join(whole.CompilePerPass)).Append("; ours ").Append(Join(whole.Ours.TotalPerPass))
                .Append("; floor ").Append(Join(whole.Floor.TotalPerPass)).Append("; peer ").Append(Join(whole.Peer.TotalPerPass)).Append(Environment.NewLine);

            // The budget compares medians; pass by pass, each ratio also carries where that pass's GC pauses fell.
            var ratios = whole.Ours.TotalPerPass.Zip(whole.Peer.TotalPerPass, (o, p) => o / p).ToList();
            text.Append("Ours / peer, pass by pass: ").Append(string.Join(", ", ratios.Select(X)))
                .Append($" (below the peer in {ratios.Count(r => r < 1)} of {ratios.Count}, at most half in {ratios.Count(r => r <= PeerRatioBudget)})").Append(Environment.NewLine);
            text.Append("Diagnostics found: ours ").Append(Counts(whole.Ours.DiagnosticCounts)).Append("; peer ").Append(Counts(whole.Peer.DiagnosticCounts));
            if (whole.Baseline is { } baselineFigures)
            {
                text.Append("; baseline ").Append(Counts(baselineFigures.DiagnosticCounts));
            }

            text.Append(Environment.NewLine);
            var exceptions = whole.Ours.Exceptions.Concat(whole.Peer.Exceptions).Concat(whole.Floor.Exceptions)
                .Concat(noDriver?.Exceptions ?? Array.Empty<string>()).Concat(ide?.Exceptions ?? Array.Empty<string>()).Distinct().ToList();
            text.Append("Analyzer exceptions (AD0001): ").Append(exceptions.Count == 0 ? "none" : string.Join("; ", exceptions.Take(5))).Append(Environment.NewLine);
            text.Append($"Budgets: {verdicts.Count - misses} PASS, {misses} MISS").Append(Environment.NewLine);
            return text.ToString();
        }

        private static string PerAnalyzer(SetFigures set, double compile)
        {
            var text = new StringBuilder();
            text.Append(set.Name).Append(", per analyzer (median ms, share of the set):").Append(Environment.NewLine);
            var total = set.MedianTotal;
            var order = Enumerable.Range(0, set.Labels.Count).OrderByDescending(set.MedianOf).ToList();
            var width = set.Labels.Max(l => l.Length);
            foreach (var i in order)
            {
                var ms = set.MedianOf(i);
                text.Append("  ").Append(set.Labels[i].PadRight(width)).Append("  ").Append(Ms(ms, 2).PadLeft(10))
                    .Append("  ").Append(Pct(total > 0 ? ms / total : 0).PadLeft(7)).Append(Environment.NewLine);
            }

            return text.ToString();
        }

        private static string Ms(double value, int decimals = 1) => value.ToString("N" + decimals, CultureInfo.InvariantCulture);

        private static string Pct(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

        private static string X(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "x";

        private static string P(IReadOnlyList<double> values) =>
            $"{Ms(Stats.Percentile(values, 50), 2)} / {Ms(Stats.Percentile(values, 95), 2)}";

        private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(v => Ms(v)));

        private static string Counts(IReadOnlyDictionary<string, int> counts) =>
            counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} x{c.Value}"));
    }
}
