using System;
using System.Collections.Generic;
using System.Linq;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    public sealed record NoDriverFigures(int Files, int Lines, IReadOnlyList<double> TotalPerPass, IReadOnlyList<double> WallPerPass, int Diagnostics, IReadOnlyList<string> Exceptions)
    {
        public double MedianTotal => Stats.Median(TotalPerPass);

        public double MaxTotal => TotalPerPass.Max();
    }

    /// <summary>
    /// Our analyzers on a compilation that does not reference MongoDB.Driver: the files of a generated code base
    /// that do not use MongoDB, compiled without any MongoDB reference. The rules resolve nothing and register
    /// nothing; what is left is their compilation-start check.
    /// </summary>
    public static class NoDriverHarness
    {
        public static NoDriverFigures Run(AnalyzedCodeBase codeBase, int passes, Action<string> log)
        {
            var ours = OurAnalyzers.Create();
            var totals = new List<double>();
            var walls = new List<double>();
            var exceptions = new List<string>();
            var diagnostics = 0;
            for (var pass = 0; pass <= passes; pass++)
            {
                AnalyzerRun.Settle();
                var result = AnalyzerRun.Run(codeBase.CompileWithoutDriver(concurrentBuild: false), ours, BenchOptions.Default, concurrent: false);
                if (pass > 0)
                {
                    totals.Add(result.TotalMs);
                    walls.Add(result.WallMs);
                }

                diagnostics = result.DiagnosticCounts.Values.Sum();
                exceptions.AddRange(result.Exceptions);
            }

            var lines = codeBase.NonMongoTrees.Sum(t => t.GetText().Lines.Count);
            log($"  without the driver: {codeBase.NonMongoTrees.Length} files, our total per pass: {string.Join(", ", totals.Select(t => t.ToString("F3")))} ms");
            return new NoDriverFigures(codeBase.NonMongoTrees.Length, lines, totals, walls, diagnostics, exceptions.Distinct().ToList());
        }
    }
}
