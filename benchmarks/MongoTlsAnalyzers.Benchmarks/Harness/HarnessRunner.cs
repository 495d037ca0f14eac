using System;
using System.Linq;
using System.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;
using MongoTlsAnalyzers.Benchmarks.References;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>The harness run's settings, from the command line.</summary>
    public sealed record HarnessSettings(int Passes, int MinFiles, int MinLines, int NoDriverFiles, int IdeDocuments, bool Concurrent, string? Source, int Seed, bool SkipIde, bool Solo, string? Baseline = null);

    /// <summary>Builds the code base, runs the three in-process measurements and prints the table.</summary>
    public static class HarnessRunner
    {
        /// <summary>Returns (budget misses, problems: analyzer exceptions or a generated code base that does not compile).</summary>
        public static (int Misses, int Problems) Run(HarnessSettings settings)
        {
            var total = Stopwatch.StartNew();
            Console.WriteLine("== MongoTlsAnalyzers whole-compilation harness");
            Console.WriteLine(MachineInfo.Describe());
            Console.WriteLine("Refs:     " + BenchReferences.Describe());
            Console.WriteLine("Peer:     " + PeerAnalyzers.Describe());

            var stopwatch = Stopwatch.StartNew();
            var codeBase = settings.Source is null
                ? AnalyzedCodeBase.Generate(settings.MinFiles, settings.MinLines, settings.Seed)
                : AnalyzedCodeBase.FromFolder(settings.Source);
            Console.WriteLine($"Code:     {codeBase.Description}: {codeBase.Files:N0} files, {codeBase.Lines:N0} lines, {codeBase.MongoFiles:N0} files use MongoDB (generated and parsed in {stopwatch.ElapsedMilliseconds:N0} ms)");
            ScreenSummary(codeBase); // JIT, so that the time printed is the screen's own
            Console.WriteLine("Screen:   " + ScreenSummary(codeBase));
            Console.WriteLine($"Method:   {settings.Passes} measured pass(es) after 1 warm-up; {(settings.Concurrent ? "concurrent" : "sequential")} analysis and concurrentBuild={settings.Concurrent.ToString().ToLowerInvariant()}; analyzer time = logAnalyzerExecutionTime");
            Console.WriteLine();

            var whole = CompilationHarness.Run(codeBase, settings.Passes, settings.Concurrent, Console.WriteLine, settings.Baseline is null ? default : BaselineAnalyzers.Load(settings.Baseline));
            if (whole.CompileErrors > 0)
            {
                Console.WriteLine($"  note: the compilation has {whole.CompileErrors} error(s), e.g. " + string.Join(" | ", whole.FirstErrors));
            }

            var noDriverCode = settings.Source is null && codeBase.NonMongoTrees.Length <= settings.NoDriverFiles
                ? codeBase
                : AnalyzedCodeBase.Generate(settings.NoDriverFiles, 0, settings.Seed);
            var noDriver = NoDriverHarness.Run(noDriverCode, Math.Max(settings.Passes, 3), Console.WriteLine);
            var ide = settings.SkipIde ? null : IdeHarness.Run(codeBase, settings.IdeDocuments, Console.WriteLine);

            var solo = settings.Solo ? SoloHarness.Run(codeBase, settings.Concurrent, Console.WriteLine) : null;

            Console.WriteLine();
            if (solo is not null)
            {
                Console.WriteLine(solo);
            }

            Console.WriteLine(ReportTable.Render(whole, noDriver, ide, out var misses));
            Console.WriteLine($"Harness run time: {total.Elapsed.TotalSeconds:F0} s");

            var problems = whole.Ours.Exceptions.Count + whole.Peer.Exceptions.Count + noDriver.Exceptions.Count + (ide?.Exceptions.Count ?? 0)
                + (settings.Source is null ? whole.CompileErrors : 0);
            return (misses, problems);
        }

        /// <summary>How many files and members the source screen keeps for the rules, and how long it takes.</summary>
        private static string ScreenSummary(AnalyzedCodeBase codeBase)
        {
            var compilation = codeBase.CompileWithDriver(concurrentBuild: false);
            MongoTlsAnalyzers.Screening.TreeFacts.ForgetAll();
            var stopwatch = System.Diagnostics.Stopwatch.StartNew();
            var screen = new MongoTlsAnalyzers.Screening.SourceScreen(compilation);
            foreach (var tree in compilation.SyntaxTrees)
            {
                _ = MongoTlsAnalyzers.Screening.TreeFacts.Of(tree);
            }

            var facts = stopwatch.Elapsed.TotalMilliseconds;
            int keptFiles = 0, members = 0, keptMembers = 0;
            foreach (var tree in compilation.SyntaxTrees)
            {
                keptFiles += screen.MayMatter(tree) ? 1 : 0;
            }

            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var member in tree.GetRoot().DescendantNodes(n => n is not Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax || n is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax)
                    .OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>())
                {
                    if (member is Microsoft.CodeAnalysis.CSharp.Syntax.BaseNamespaceDeclarationSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BaseTypeDeclarationSyntax)
                    {
                        continue;
                    }

                    members++;
                    keptMembers += screen.MayMatter(tree, member.Span) ? 1 : 0;
                }
            }

            return $"the source screen keeps {keptMembers:N0} of {members:N0} members, in {keptFiles:N0} of {codeBase.Files:N0} files ({screen.NamesSearched:N0} field or local names followed); " +
                $"reading the files' words {facts:F1} ms, in all {elapsed:F1} ms";
        }
    }
}
