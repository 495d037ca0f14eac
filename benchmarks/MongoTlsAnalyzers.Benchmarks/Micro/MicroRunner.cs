using System;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MongoTlsAnalyzers.Benchmarks.Micro
{
    /// <summary>Runs <see cref="RuleBenchmarks"/> with BenchmarkDotNet, in process (ShortRun, or Dry with --quick).</summary>
    public static class MicroRunner
    {
        public static Summary Run(bool quick, string? filter, string artifacts)
        {
            // Every case is checked (trigger reports, quiet does not) before BenchmarkDotNet starts measuring.
            foreach (var ruleCase in RuleCases.All())
            {
                var (compilation, options, rule, _) = RuleBenchmarks.Prepare(ruleCase);
                RuleBenchmarks.Check(ruleCase, compilation, options, rule);
            }

            Console.WriteLine("Micro cases checked: every trigger input reports its rule, every quiet input reports nothing.");
            var job = (quick ? Job.Dry : Job.ShortRun)
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithId(quick ? "Dry-InProcess" : "ShortRun-InProcess");
            var config = ManualConfig.CreateMinimumViable()
                .AddJob(job)
                .AddDiagnoser(MemoryDiagnoser.Default)
                .AddColumn(StatisticColumn.Median)
                .AddExporter(BenchmarkDotNet.Exporters.MarkdownExporter.GitHub)
                .WithArtifactsPath(artifacts)
                .WithOption(ConfigOptions.DisableLogFile, false)
                .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
            if (!string.IsNullOrEmpty(filter))
            {
                config = config.AddFilter(new BenchmarkDotNet.Filters.GlobFilter(new[] { filter }));
            }

            return BenchmarkRunner.Run<RuleBenchmarks>(config);
        }
    }
}
