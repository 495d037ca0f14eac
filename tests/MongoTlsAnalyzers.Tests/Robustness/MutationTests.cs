using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// docs/architecture.md "Budgets": every source of the analyzer test suite (<see cref="TestSourceHarvest"/>),
    /// truncated, with a token deleted or duplicated, and with its URIs replaced by hostile ones, goes through every
    /// analyzer and every code fix that applies. No analyzer, fixer or Fix All may throw. How long a variant takes is
    /// not part of the verdict (speed is measured in benchmarks/; the times printed here are information only): a
    /// variant fails only when it hangs, that is, is still running after <see cref="HangDeadline"/>, so that a hang
    /// fails the test instead of stalling CI. The seed is fixed, so a failure reproduces; failing variants are written
    /// next to the test assembly.
    /// </summary>
    public sealed class MutationTests
    {
        private const int Seed = 20261128;
        private const int MinimumHarvest = 400;

        /// <summary>Sized so that the test takes a few minutes on two cores (see the printed counts).</summary>
        private static readonly MutationBudget Budget = new MutationBudget(
            TruncateAtEveryBoundaryUpTo: 12,
            TruncationSample: 12,
            Deletions: 2,
            Duplications: 2,
            PayloadsPerSource: 5,
            ExpensivePayloadEverySources: 10);

        /// <summary>
        /// Every diagnostic of a variant goes to the fixers, up to this many (chosen at random; hostile URIs can carry
        /// thousands, which Fix All then covers); Fix All runs on every Nth variant.
        /// </summary>
        private const int FixedDiagnosticsPerVariant = 3;
        private const int FixAllEveryVariants = 5;

        /// <summary>
        /// Only a hang stops a variant: its analysis and fixes are cancelled after this long and the variant fails as
        /// hung. Variants take milliseconds to a few seconds, so minutes are far beyond any slow machine.
        /// </summary>
        private static readonly TimeSpan HangDeadline = TimeSpan.FromMinutes(5);

        /// <summary>Beyond this the variant is reported as a hang even if it ignores cancellation.</summary>
        private static readonly TimeSpan HangLimit = HangDeadline + TimeSpan.FromMinutes(1);

        /// <summary>Options with malformed values, for the analyzers' configuration reading (MTA000).</summary>
        private const string HostileEditorConfig =
            "mongo_tls.min_connect_timeout = %zz\0\nmongo_tls.min_server_selection_timeout = 99999999999999999999999ms\n" +
            "mongo_tls.development_guard_methods = ,,a..b,\uD800.X,System.\nmongo_tls.debug_is_development = maybe\nmongo_tls.min_socket_timeout = -1s";

        /// <summary>The runtime helper (MongoTlsAnalyzers.Settings), which switches the fixers to their helper tier.</summary>
        private static readonly Lazy<MetadataReference> HelperReference = new Lazy<MetadataReference>(
            () => MetadataReference.CreateFromFile(typeof(MongoTlsAnalyzers.Settings.SecureMongoSettings).Assembly.Location));

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();

        private readonly ITestOutputHelper _output;

        public MutationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void TheHarvestFindsTheTestSuiteSources()
        {
            var sources = TestSourceHarvest.All;
            Report($"Harvested {sources.Count} distinct sources from {string.Join(", ", TestSourceHarvest.Folders)}, SinkAndShapeCases and samples/InsecureApp.");
            Assert.True(sources.Count >= MinimumHarvest, $"Only {sources.Count} sources harvested; the harvest must not silently shrink.");
            foreach (var folder in TestSourceHarvest.Folders)
            {
                Assert.Contains(sources, s => s.Origin.StartsWith(folder + "/", StringComparison.Ordinal));
            }

            Assert.Contains(sources, s => s.Origin.Contains(" template", StringComparison.Ordinal) && s.Text.Contains("MongoClient", StringComparison.Ordinal));
            Assert.DoesNotContain(sources, s => s.Text.Contains("{|", StringComparison.Ordinal) && s.Text.Contains("|}", StringComparison.Ordinal));
        }

        [Fact]
        public void MutatedSourcesNeverCrashAnalyzersOrFixes()
        {
            var stopwatch = Stopwatch.StartNew();
            var sources = TestSourceHarvest.All;
            Assert.True(sources.Count >= MinimumHarvest, $"Only {sources.Count} sources harvested.");

            // One seed per source, drawn in order, so that the variants do not depend on thread scheduling.
            var master = new Random(Seed);
            var seeds = sources.Select(_ => master.Next()).ToArray();
            var stats = new Stats();
            var failures = new ConcurrentQueue<string>();
            var hung = 0;

            Parallel.For(0, sources.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, (sourceIndex, loop) =>
            {
                var random = new Random(seeds[sourceIndex]);
                var variants = new SourceMutator(random, Budget).Mutate(sources[sourceIndex], sourceIndex);
                for (var j = 0; j < variants.Count && Volatile.Read(ref hung) == 0; j++)
                {
                    var variant = variants[j];
                    var plan = new VariantPlan(
                        Driver: (sourceIndex + j) % 2 == 0 ? DriverVersion.V3 : DriverVersion.V2,
                        ReferenceHelper: (sourceIndex + j) % 4 == 0,
                        EditorConfig: j % 7 == 3 ? HostileEditorConfig : null,
                        FixAll: j % FixAllEveryVariants == 0,
                        FixSeed: random.Next());
                    var watch = Stopwatch.StartNew();
                    var run = Task.Run(() => RunVariantAsync(variant, plan, stats));
                    try
                    {
                        if (!run.Wait(HangLimit))
                        {
                            Interlocked.Exchange(ref hung, 1);
                            failures.Enqueue(Describe(sourceIndex, j, variant, plan, $"hung: still running after {HangLimit.TotalMinutes} min, ignoring cancellation"));
                        }
                    }
                    catch (AggregateException ex)
                    {
                        var inner = ex.InnerException is OperationCanceledException ? $"hung: cancelled after {HangDeadline.TotalMinutes} min" : ex.InnerException!.ToString();
                        failures.Enqueue(Describe(sourceIndex, j, variant, plan, inner));
                    }

                    stats.RecordTime(watch.ElapsedMilliseconds, variant);
                }
            });

            Report($"Mutation test (seed {Seed}): {sources.Count} sources, {stats.Variants} variants " +
                $"({string.Join(", ", stats.Kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + " " + k.Value))}), " +
                $"{stats.AnalyzerRuns} analyzer runs with {stats.Diagnostics} MTA diagnostics ({stats.DiagnosticsFixed} handed to the fixers; " +
                $"{stats.VariantsOverFixCap} variants had more than {FixedDiagnosticsPerVariant}), {stats.FixInvocations} fix registrations, " +
                $"{stats.ActionsApplied} code actions applied, {stats.FixAllRuns} Fix All runs; time in compilation {stats.CompileMilliseconds / 1000} s, " +
                $"analysis {stats.AnalysisMilliseconds / 1000} s, fixes {stats.FixMilliseconds / 1000} s, Fix All {stats.FixAllMilliseconds / 1000} s (summed over threads); " +
                $"slowest variant {stats.SlowestMilliseconds} ms ({stats.Slowest}); " +
                $"elapsed {stopwatch.Elapsed.TotalSeconds:F1} s.");
            Assert.True(failures.IsEmpty, $"{failures.Count} variants failed:\n" + string.Join("\n\n", failures.Take(10)));
            Assert.True(stats.AnalyzerRuns > 0 && stats.FixInvocations > 0 && stats.FixAllRuns > 0, "nothing was exercised");
        }

        private sealed record VariantPlan(DriverVersion Driver, bool ReferenceHelper, string? EditorConfig, bool FixAll, int FixSeed);

        private static async Task RunVariantAsync(Variant variant, VariantPlan plan, Stats stats)
        {
            using var deadline = new CancellationTokenSource(HangDeadline);
            var cancellationToken = deadline.Token;
            var references = TestReferences.For(plan.Driver);
            if (plan.ReferenceHelper)
            {
                references = references.Add(HelperReference.Value);
            }

            var phase = Stopwatch.StartNew();
            var document = CodeFixRunner.CreateDocument(variant.Text, references);
            var compilation = (await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false))!;
            stats.AddTime(ref stats.CompileMilliseconds, phase);
            stats.CountVariant(variant);

            // Analysis is serial here; the variants themselves run in parallel.
            var diagnostics = AnalyzerRunner.Run(compilation, Analyzers, editorConfig: plan.EditorConfig, concurrent: false, cancellationToken: cancellationToken)
                .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal) && d.Location.IsInSource)
                .ToImmutableArray();
            Interlocked.Increment(ref stats.AnalyzerRuns);
            stats.AddTime(ref stats.AnalysisMilliseconds, phase);
            Interlocked.Add(ref stats.Diagnostics, diagnostics.Length);
            AssertNoPasswordInMessages(variant.Text, diagnostics);
            if (diagnostics.IsEmpty)
            {
                return;
            }

            var random = new Random(plan.FixSeed);
            var chosen = diagnostics.OrderBy(_ => random.Next()).Take(FixedDiagnosticsPerVariant).ToList();
            Interlocked.Add(ref stats.DiagnosticsFixed, chosen.Count);
            if (diagnostics.Length > FixedDiagnosticsPerVariant)
            {
                Interlocked.Increment(ref stats.VariantsOverFixCap);
            }

            var keys = new Dictionary<CodeFixProvider, HashSet<string?>>();
            async Task FixAsync(CodeFixProvider fixer, Diagnostic diagnostic)
            {
                var (actions, registered) = await CodeFixRunner.ApplyFixesAsync(fixer, document, diagnostic, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref stats.FixInvocations);
                Interlocked.Add(ref stats.ActionsApplied, actions);
                if (!keys.TryGetValue(fixer, out var set))
                {
                    keys[fixer] = set = new HashSet<string?>();
                }

                set.UnionWith(registered);
            }

            foreach (var diagnostic in chosen)
            {
                foreach (var fixer in CodeFixRunner.AllFixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    await FixAsync(fixer, diagnostic).ConfigureAwait(false);
                }
            }

            stats.AddTime(ref stats.FixMilliseconds, phase);
            if (!plan.FixAll)
            {
                return;
            }

            foreach (var fixer in CodeFixRunner.AllFixers)
            {
                var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).ToList();
                if (fixable.Count == 0)
                {
                    continue;
                }

                if (!keys.ContainsKey(fixer))
                {
                    // Fix All needs the equivalence keys the fixer offers for this document.
                    await FixAsync(fixer, fixable[0]).ConfigureAwait(false);
                }

                foreach (var key in keys[fixer])
                {
                    if (await CodeFixRunner.ApplyFixAllAsync(fixer, key, document, diagnostics, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        Interlocked.Increment(ref stats.FixAllRuns);
                    }
                }
            }
            stats.AddTime(ref stats.FixAllMilliseconds, phase);
        }

        /// <summary>
        /// Passwords of the source's URIs (8 characters or more, so that a password such as "secret" is not confused
        /// with a word of a message).
        /// </summary>
        private static readonly Regex UriPassword = new Regex(
            @"mongodb(?:\+srv)?://[^:/@\s""'?]*:(?<password>[^@/\s""'?]{8,})@", RegexOptions.Compiled | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(5));

        /// <summary>No diagnostic message, under any mutation, repeats a password of its source (docs/architecture.md "Never a password").</summary>
        private static void AssertNoPasswordInMessages(string source, ImmutableArray<Diagnostic> diagnostics)
        {
            foreach (Match match in UriPassword.Matches(source))
            {
                var password = match.Groups["password"].Value;

                // A placeholder ("password", "<password>", "changeme") is no secret, and may be a word of our own messages.
                if (!CredentialClassifier.IsRealPassword(password, Uri.UnescapeDataString(password)))
                {
                    continue;
                }

                foreach (var diagnostic in diagnostics)
                {
                    if (diagnostic.Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture).Contains(password, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains(password, StringComparison.Ordinal))
                    {
                        // The password itself is not repeated in the failure either: its length and the diagnostic are enough to find it.
                        throw new InvalidOperationException($"{diagnostic.Id} at {diagnostic.Location.GetLineSpan()} repeats a password of its source ({password.Length} characters) in its message");
                    }
                }
            }
        }

        /// <summary>The failure message; the variant's full text goes to a file named after its source and variant numbers.</summary>
        private static string Describe(int sourceIndex, int variantIndex, Variant variant, VariantPlan plan, string problem)
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "mutation-failures");
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"source{sourceIndex}-variant{variantIndex}.cs.txt");
            File.WriteAllText(file, variant.Text);
            var head = variant.Text.Length <= 600 ? variant.Text : variant.Text.Substring(0, 600) + "…";
            var shortProblem = problem.Length <= 3000 ? problem : problem.Substring(0, 3000) + "…";
            return $"source #{sourceIndex} variant #{variantIndex}: {variant} with {plan}\n  text: {file}\n  {shortProblem}\n  --- source head ---\n{head}";
        }

        private void Report(string line)
        {
            _output.WriteLine(line);
            Console.WriteLine(line);
        }

        private sealed class Stats
        {
            public int Variants;
            public int AnalyzerRuns;
            public int Diagnostics;
            public int DiagnosticsFixed;
            public int VariantsOverFixCap;
            public int FixInvocations;
            public int ActionsApplied;
            public int FixAllRuns;
            public long CompileMilliseconds;
            public long AnalysisMilliseconds;
            public long FixMilliseconds;
            public long FixAllMilliseconds;
            public long SlowestMilliseconds;
            public string Slowest = string.Empty;
            public readonly ConcurrentDictionary<string, int> Kinds = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

            public void CountVariant(Variant variant)
            {
                Interlocked.Increment(ref Variants);
                Kinds.AddOrUpdate(variant.Mutation.Split(' ')[0], 1, (_, n) => n + 1);
            }

            /// <summary>Adds the time since the last phase to a counter and restarts the watch.</summary>
            public void AddTime(ref long counter, Stopwatch phase)
            {
                Interlocked.Add(ref counter, phase.ElapsedMilliseconds);
                phase.Restart();
            }

            public void RecordTime(long milliseconds, Variant variant)
            {
                lock (Kinds)
                {
                    if (milliseconds > SlowestMilliseconds)
                    {
                        SlowestMilliseconds = milliseconds;
                        Slowest = variant.ToString();
                    }
                }
            }
        }
    }
}
