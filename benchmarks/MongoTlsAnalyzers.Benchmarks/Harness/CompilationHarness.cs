using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>One analyzer set's figures over the passes: medians of its total and of each analyzer.</summary>
    public sealed record SetFigures(string Name, IReadOnlyList<string> Labels, IReadOnlyList<double> TotalPerPass, IReadOnlyList<double> WallPerPass, IReadOnlyList<IReadOnlyList<double>> PerAnalyzerPerPass, IReadOnlyDictionary<string, int> DiagnosticCounts, IReadOnlyList<string> Exceptions)
    {
        public double MedianTotal => Stats.Median(TotalPerPass);

        public double MedianWall => Stats.Median(WallPerPass);

        public double MedianOf(int analyzer) => Stats.Median(PerAnalyzerPerPass.Select(pass => pass[analyzer]));
    }

    public sealed record WholeCompilationFigures(int Passes, bool Concurrent, IReadOnlyList<double> CompilePerPass, int CompileErrors, int CompileWarnings, IReadOnlyList<string> FirstErrors, SetFigures Ours, SetFigures Floor, SetFigures Peer, SetFigures? Baseline = null)
    {
        public double MedianCompile => Stats.Median(CompilePerPass);
    }

    /// <summary>
    /// The whole-compilation figures: per pass, on fresh clones of one compilation, the compiler's own
    /// GetDiagnostics time, then our analyzers, the no-op floor and the peer, each in its own
    /// CompilationWithAnalyzers with logAnalyzerExecutionTime (the set order rotates from pass to pass).
    /// Medians are taken over the measured passes; one warm-up pass comes first and is dropped.
    /// </summary>
    public static class CompilationHarness
    {
        public static WholeCompilationFigures Run(AnalyzedCodeBase codeBase, int passes, bool concurrent, Action<string> log, ImmutableArray<DiagnosticAnalyzer> baseline = default)
        {
            // Our analyzers once more, with the code base's appsettings files: the difference is what reading them costs
            // (the budget: at most 10% of the analyzers' time, docs/performance.md). Measured in the same passes, in its own rotation slot.
            var withFiles = new List<double>();
            var withFilesOptions = BenchOptions.WithAdditionalFiles(codeBase.ConfigurationFiles);
            var sets = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers, Func<DiagnosticAnalyzer, string> Label)[]
            {
                ("MongoTlsAnalyzers", OurAnalyzers.Create(), OurAnalyzers.Label),
                ("No-op floor", NoOpAnalyzer.Create(), a => a.SupportedDiagnostics[0].Id + " floor"),
                ("NetAnalyzers peer", PeerAnalyzers.Create(), a => a.GetType().Name),
            };
            if (!baseline.IsDefaultOrEmpty)
            {
                sets = sets.Append(("Baseline", baseline, a => string.Join("/", a.SupportedDiagnostics.Select(d => d.Id).Distinct()) + " " + a.GetType().Name)).ToArray();
            }


            var compile = new List<double>();
            var results = sets.Select(_ => new List<AnalyzerRunResult>()).ToArray();
            var errors = 0;
            var warnings = 0;
            var firstErrors = new List<string>();
            for (var pass = 0; pass <= passes; pass++)
            {
                var label = pass == 0 ? "warm-up" : $"pass {pass}/{passes}";
                AnalyzerRun.Settle();
                var stopwatch = new Stopwatch();
                var diagnostics = Compile(codeBase, concurrent, stopwatch);
                errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
                warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
                if (pass == 0)
                {
                    firstErrors.AddRange(diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).Select(d => d.ToString()));
                }
                else
                {
                    compile.Add(stopwatch.Elapsed.TotalMilliseconds);
                }

                var line = $"  {label}: compile {stopwatch.Elapsed.TotalMilliseconds:F0} ms" + (pass == 0 ? $" ({errors} errors, {warnings} warnings)" : string.Empty);
                if (pass == 0 && firstErrors.Count > 0)
                {
                    log("  first errors: " + string.Join(" | ", firstErrors));
                }

                if (pass == 0 && warnings > 0)
                {
                    log("  most frequent warnings: " + string.Join(", ", diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning)
                        .GroupBy(d => d.Id).OrderByDescending(g => g.Count()).Take(4).Select(g => $"{g.Key} x{g.Count()} (e.g. {g.First().GetMessage()})")));
                }

                for (var k = 0; k < sets.Length; k++)
                {
                    var index = (k + pass) % sets.Length;
                    AnalyzerRun.Settle();
                    var result = AnalyzerRun.Run(codeBase.CompileWithDriver(concurrent), sets[index].Analyzers, BenchOptions.Default, concurrent);
                    if (pass > 0)
                    {
                        results[index].Add(result);
                    }

                    line += $", {sets[index].Name} {result.TotalMs:F1} ms (wall {result.WallMs:F0})";
                }

                if (!codeBase.ConfigurationFiles.IsEmpty)
                {
                    AnalyzerRun.Settle();
                    var configured = AnalyzerRun.Run(codeBase.CompileWithDriver(concurrent), sets[0].Analyzers, withFilesOptions, concurrent);
                    if (pass > 0)
                    {
                        withFiles.Add(configured.TotalMs);
                    }

                    line += $", MongoTlsAnalyzers with {codeBase.ConfigurationFiles.Length} appsettings files {configured.TotalMs:F1} ms ({configured.DiagnosticCounts.Sum(c => c.Value)} diagnostics)";
                }

                log(line);
            }

            if (withFiles.Count > 0)
            {
                var ours = Median(results[0].Select(r => r.TotalMs).ToList());
                var configured = Median(withFiles);
                log($"  Configuration files, whole compilation: {codeBase.ConfigurationFiles.Length} appsettings files add {configured - ours:F1} ms to our {ours:F1} ms (median over {withFiles.Count} passes; within the noise of the whole run)");

                // The same files beside one small tree, with and without them, many times: the difference is the files'
                // own cost without the whole compilation's noise.
                var small = CSharpCompilation.Create("Contoso.Configuration", new[] { codeBase.Trees[0] }, References.BenchReferences.WithDriver);
                var without = new List<double>();
                var with = new List<double>();
                for (var i = 0; i < 21; i++)
                {
                    without.Add(AnalyzerRun.Run(small.Clone(), sets[0].Analyzers, BenchOptions.Default, concurrent).TotalMs);
                    with.Add(AnalyzerRun.Run(small.Clone(), sets[0].Analyzers, withFilesOptions, concurrent).TotalMs);
                }

                var direct = Median(with) - Median(without);
                log($"  Configuration files, direct: {direct:F2} ms for {codeBase.ConfigurationFiles.Length} files (median of 21 runs with and without them on one small tree) = {direct / ours:P2} of our whole-compilation time, budget <= 10%");
            }

            SetFigures Figures(int i) => new SetFigures(
                sets[i].Name,
                sets[i].Analyzers.Select(sets[i].Label).ToList(),
                results[i].Select(r => r.TotalMs).ToList(),
                results[i].Select(r => r.WallMs).ToList(),
                results[i].Select(r => r.ExecutionMs).ToList(),
                results[i].Last().DiagnosticCounts,
                results[i].SelectMany(r => r.Exceptions).Distinct().ToList());

            return new WholeCompilationFigures(passes, concurrent, compile, errors, warnings, firstErrors, Figures(0), Figures(1), Figures(2), sets.Length > 3 ? Figures(3) : null);
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        /// <summary>The compiler's own diagnostics of a fresh compilation (binding, flow analysis, no emit), timed.</summary>
        private static ImmutableArray<Diagnostic> Compile(AnalyzedCodeBase codeBase, bool concurrent, Stopwatch stopwatch)
        {
            var compilation = codeBase.CompileWithDriver(concurrent);
            stopwatch.Start();
            var diagnostics = compilation.GetDiagnostics();
            stopwatch.Stop();
            return diagnostics;
        }
    }
}
