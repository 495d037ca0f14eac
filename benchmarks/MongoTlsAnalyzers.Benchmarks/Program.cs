using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using MongoTlsAnalyzers.Benchmarks.Harness;
using MongoTlsAnalyzers.Benchmarks.Micro;

namespace MongoTlsAnalyzers.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/MongoTlsAnalyzers.Benchmarks -- [harness|micro|all|screen] [options]
    /// (see benchmarks/README.md). Exit code: 0 done, 1 problem (analyzer exception, generated code that does
    /// not compile, bad arguments), 2 a budget missed and --fail-on-miss given.
    /// </summary>
    public static class Program
    {
        private const string Usage = """
            Usage: dotnet run -c Release --project benchmarks/MongoTlsAnalyzers.Benchmarks -- [harness|micro|all|screen] [options]
              harness            whole-compilation, no-driver and IDE figures, as one table (the default)
              micro              BenchmarkDotNet per-rule micro-benchmarks (ShortRun, in process, MemoryDiagnoser)
              all                both
              screen             the source screen alone, per round: reading every file's words, then following the names
                                 (with --baseline: an earlier build's screen too, alternating, and their answers compared)
              profile            our analyzer alone, --rounds times on fresh compilations, for a sampling profiler
                                 (dotnet-trace collect -- <benchmark dll> profile ...; see benchmarks/README.md)
                                 with --floor: the no-op floor instead, for comparing allocations;
                                 with --baseline <dll>: an earlier build instead; with --host-only: our host
                                 with one rule that does nothing (driver types, screen, dispatch: the fixed part);
                                 with --no-screen: our analyzer with mongo_tls.source_screen = false (what the screen saves)
            Options:
              --quick            smoke run: small code base (120 files), 1 pass, 40 IDE documents; micro as a Dry job
              --source <dir>     analyse every .cs file under <dir> (referencing MongoDB.Driver 3.x) instead of the generated code base
              --passes <n>       measured passes after the warm-up (default 5)
              --files <n>        minimum generated files (default 2200)
              --lines <n>        minimum generated lines (default 300000)
              --ide-docs <n>     documents sampled for the IDE figures (default 400)
              --no-ide           skip the IDE figures
              --solo             also run each of our analyzers alone (attribution: the rules share one model)
              --rounds <n>       screen and profile: measured rounds after the warm-up (default 15)
              --baseline <dll>   also measure an earlier build of MongoTlsAnalyzers.dll in the same run (before/after)
              --concurrent       concurrent analysis and concurrentBuild (default: sequential, so times are CPU-like)
              --seed <n>         generator seed (default 20251128)
              --filter <glob>    micro: only the matching benchmarks (BenchmarkDotNet glob, e.g. *Rule*)
              --fail-on-miss     exit 2 when a budget is missed
            """;

        public static int Main(string[] args)
        {
            try
            {
                return Run(args);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine(e.Message);
                Console.Error.WriteLine(Usage);
                return 1;
            }
        }

        private static int Run(string[] args)
        {
            var mode = args.Length > 0 && !args[0].StartsWith("-", StringComparison.Ordinal) ? args[0] : "harness";
            if (mode is not ("harness" or "micro" or "all" or "screen" or "profile"))
            {
                throw new ArgumentException("Unknown mode '" + mode + "'.");
            }

            var quick = Has(args, "--quick");
            if (Has(args, "--help") || Has(args, "-h"))
            {
                Console.WriteLine(Usage);
                return 0;
            }

            var settings = new HarnessSettings(
                Passes: Math.Max(1, Int(args, "--passes", quick ? 1 : 5)),
                MinFiles: Int(args, "--files", quick ? 120 : 2200),
                MinLines: Int(args, "--lines", quick ? 0 : 300_000),
                NoDriverFiles: quick ? 120 : 400,
                IdeDocuments: Int(args, "--ide-docs", quick ? 40 : 400),
                Concurrent: Has(args, "--concurrent"),
                Source: Value(args, "--source"),
                Seed: Int(args, "--seed", CodeBase.CodeBaseGenerator.DefaultSeed),
                SkipIde: Has(args, "--no-ide"),
                Solo: Has(args, "--solo"),
                Baseline: Value(args, "--baseline"));

            if (mode == "screen")
            {
                var codeBase = settings.Source is null
                    ? CodeBase.AnalyzedCodeBase.Generate(settings.MinFiles, settings.MinLines, settings.Seed)
                    : CodeBase.AnalyzedCodeBase.FromFolder(settings.Source);
                Console.WriteLine("== MongoTlsAnalyzers source screen");
                Console.WriteLine(MachineInfo.Describe());
                return ScreenHarness.Run(codeBase, Math.Max(1, Int(args, "--rounds", quick ? 3 : 15)), settings.Baseline, Console.WriteLine);
            }

            if (mode == "profile")
            {
                var codeBase = settings.Source is null
                    ? CodeBase.AnalyzedCodeBase.Generate(settings.MinFiles, settings.MinLines, settings.Seed)
                    : CodeBase.AnalyzedCodeBase.FromFolder(settings.Source);
                return ProfileHarness.Run(codeBase, Math.Max(1, Int(args, "--rounds", quick ? 3 : 15)), Has(args, "--floor"), Has(args, "--host-only"), settings.Baseline, Console.WriteLine, noScreen: Has(args, "--no-screen"));
            }

            var problems = 0;
            var misses = 0;
            var timings = new System.Collections.Generic.List<string>();
            if (mode is "harness" or "all")
            {
                var stopwatch = Stopwatch.StartNew();
                (misses, problems) = HarnessRunner.Run(settings);
                timings.Add($"harness {stopwatch.Elapsed.TotalSeconds:F0} s");
            }

            if (mode is "micro" or "all")
            {
                var stopwatch = Stopwatch.StartNew();
                var summary = MicroRunner.Run(quick, Value(args, "--filter"), Path.Combine(Directory.GetCurrentDirectory(), "BenchmarkDotNet.Artifacts"));
                problems += summary.HasCriticalValidationErrors ? 1 : 0;
                problems += summary.Reports.Count(r => !r.Success);
                timings.Add($"micro {stopwatch.Elapsed.TotalSeconds:F0} s");
            }

            Console.WriteLine("Run time: " + string.Join(", ", timings));
            if (problems > 0)
            {
                Console.WriteLine($"FAILED: {problems} problem(s) (analyzer exceptions, compile errors in the generated code, or failed benchmarks).");
                return 1;
            }

            return misses > 0 && Has(args, "--fail-on-miss") ? 2 : 0;
        }

        private static bool Has(string[] args, string name) => args.Contains(name, StringComparer.Ordinal);

        private static string? Value(string[] args, string name)
        {
            var i = Array.IndexOf(args, name);
            if (i < 0)
            {
                return null;
            }

            return i + 1 < args.Length ? args[i + 1] : throw new ArgumentException(name + " needs a value.");
        }

        private static int Int(string[] args, string name, int fallback)
        {
            var text = Value(args, name);
            if (text is null)
            {
                return fallback;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
                ? value
                : throw new ArgumentException(name + " needs a non-negative integer, not '" + text + "'.");
        }
    }
}
