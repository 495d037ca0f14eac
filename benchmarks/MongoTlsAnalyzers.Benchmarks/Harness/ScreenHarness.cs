using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.CodeBase;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The source screen alone (<c>screen</c> mode), outside any analyzer driver: the whole-compilation figures put
    /// it inside one callback of a pass that varies by 2× with where full GCs fall, so a change to the screen is
    /// not visible there. Per round, on the same syntax trees and after a full GC, each screen (ours and, with
    /// <c>--baseline</c>, an earlier build's, in alternating order) reads every file's words, then follows the
    /// names and answers once per file, as <c>ScreenSummary</c> does. Then both are asked about every file and
    /// member, and their answers must be the same.
    /// </summary>
    public static class ScreenHarness
    {
        public static int Run(AnalyzedCodeBase codeBase, int rounds, string? baselinePath, Action<string> log)
        {
            var compilation = codeBase.CompileWithDriver(concurrentBuild: false);
            var trees = compilation.SyntaxTrees.ToArray();
            var chars = trees.Sum(t => (long)t.Length);
            log($"Code:     {codeBase.Description}: {codeBase.Files:N0} files, {codeBase.Lines:N0} lines, {chars:N0} characters");
            var screens = new List<Screen> { Screen.Ours() };
            if (baselinePath is not null)
            {
                screens.Add(Screen.FromAssembly(BaselineAnalyzers.LoadAssembly(baselinePath)));
            }

            var words = screens.Select(_ => new List<double>()).ToArray();
            var all = screens.Select(_ => new List<double>()).ToArray();
            var cpuWords = screens.Select(_ => new List<double>()).ToArray();
            var cpuAll = screens.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round <= rounds; round++)
            {
                var line = round == 0 ? "  warm-up:" : $"  round {round}/{rounds}:";
                for (var k = 0; k < screens.Count; k++)
                {
                    var index = (k + round) % screens.Count;
                    var m = Measure(screens[index], compilation, trees);
                    if (round > 0)
                    {
                        words[index].Add(m.Words);
                        all[index].Add(m.All);
                        cpuWords[index].Add(m.CpuWords);
                        cpuAll[index].Add(m.CpuAll);
                    }

                    line += $" {screens[index].Name} words {m.Words:F1} ms (CPU {m.CpuWords:F1}), in all {m.All:F1} ms (CPU {m.CpuAll:F1});";
                }

                log(line);
            }

            log(string.Empty);
            log($"{rounds} rounds (ms)            words: median    min   in all: median    min   closure and lookups: median");
            for (var i = 0; i < screens.Count; i++)
            {
                Row(screens[i].Name + ", wall", words[i], all[i]);
                if (ThreadCpuClock.IsAvailable)
                {
                    Row(screens[i].Name + ", thread CPU", cpuWords[i], cpuAll[i]);
                }
            }

            void Row(string name, List<double> w, List<double> a) =>
                log($"  {name,-28} {Stats.Median(w),8:F1} {w.Min(),8:F1}         {Stats.Median(a),8:F1} {a.Min(),8:F1}   {Stats.Median(a.Zip(w, (x, y) => x - y)),8:F1}   ({chars / Stats.Median(w) / 1000:F0} chars/µs)");

            return screens.Count > 1 ? Compare(screens[0], screens[1], compilation, trees, log) : 0;
        }

        private static (double Words, double All, double CpuWords, double CpuAll) Measure(Screen screen, Compilation compilation, SyntaxTree[] trees)
        {
            screen.ForgetAll();
            AnalyzerRun.Settle();
            var cpu = ThreadCpuClock.NowMs();
            var stopwatch = Stopwatch.StartNew();
            foreach (var tree in trees)
            {
                _ = screen.Facts(tree);
            }

            var wordsMs = stopwatch.Elapsed.TotalMilliseconds;
            var cpuWords = ThreadCpuClock.NowMs() - cpu;
            var instance = screen.Create(compilation);
            foreach (var tree in trees)
            {
                _ = instance.MayMatter(tree, new TextSpan(0, tree.Length));
            }

            var allMs = stopwatch.Elapsed.TotalMilliseconds;
            return (wordsMs, allMs, cpuWords, ThreadCpuClock.NowMs() - cpu);
        }

        /// <summary>Returns 1 when the two screens answer differently for a file's trigger words, a file or a member.</summary>
        private static int Compare(Screen ours, Screen other, Compilation compilation, SyntaxTree[] trees, Action<string> log)
        {
            ours.ForgetAll();
            other.ForgetAll();
            var a = ours.Create(compilation);
            var b = other.Create(compilation);
            int members = 0, kept = 0, differences = 0;
            foreach (var tree in trees)
            {
                if (!ours.TriggerStarts(tree).SequenceEqual(other.TriggerStarts(tree)))
                {
                    Difference(tree.FilePath + ": trigger-word starts differ");
                }

                if (a.MayMatter(tree, new TextSpan(0, tree.Length)) != b.MayMatter(tree, new TextSpan(0, tree.Length)))
                {
                    Difference(tree.FilePath + ": the file's answers differ");
                }

                foreach (var member in tree.GetRoot().DescendantNodes(n => n is not MemberDeclarationSyntax || n is BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
                    .OfType<MemberDeclarationSyntax>().Where(m => m is not (BaseNamespaceDeclarationSyntax or BaseTypeDeclarationSyntax)))
                {
                    members++;
                    var mine = a.MayMatter(tree, member.Span);
                    kept += mine ? 1 : 0;
                    if (mine != b.MayMatter(tree, member.Span))
                    {
                        Difference($"{tree.FilePath}: the member at {member.SpanStart} ({mine} here)");
                    }
                }
            }

            log($"Same answers: {kept:N0} of {members:N0} members kept, {a.NamesSearched()} names followed here and {b.NamesSearched()} in the baseline; {differences} difference(s)");
            return differences == 0 && a.NamesSearched() == b.NamesSearched() ? 0 : 1;

            void Difference(string what)
            {
                if (differences++ < 10)
                {
                    log("  DIFFERENT: " + what);
                }
            }
        }

        /// <summary>One build's screen, called through delegates so that ours and the baseline's pay alike.</summary>
        private sealed record Screen(
            string Name,
            Action ForgetAll,
            Func<SyntaxTree, object> Facts,
            Func<SyntaxTree, int[]> TriggerStarts,
            Func<Compilation, Instance> Create)
        {
            public static Screen Ours() => new Screen(
                "this build",
                TreeFacts.ForgetAll,
                TreeFacts.Of,
                tree => TreeFacts.Of(tree).TriggerStarts,
                compilation =>
                {
                    var screen = new SourceScreen(compilation);
                    return new Instance(screen.MayMatter, () => screen.NamesSearched);
                });

            /// <summary>The same members, found by name in an earlier build of the analyzer assembly.</summary>
            public static Screen FromAssembly(Assembly assembly)
            {
                const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance;
                var facts = assembly.GetType("MongoTlsAnalyzers.Screening.TreeFacts", throwOnError: true)!;
                var screen = assembly.GetType("MongoTlsAnalyzers.Screening.SourceScreen", throwOnError: true)!;
                var of = (Func<SyntaxTree, object>)facts.GetMethod("Of", Any)!.CreateDelegate(typeof(Func<SyntaxTree, object>));
                var forget = (Action)facts.GetMethod("ForgetAll", Any)!.CreateDelegate(typeof(Action));
                var starts = facts.GetProperty("TriggerStarts", Any)!;
                var mayMatter = screen.GetMethod("MayMatter", Any, null, new[] { typeof(SyntaxTree), typeof(TextSpan) }, null)!;
                var names = screen.GetProperty("NamesSearched", Any)!.GetMethod!;
                var constructor = screen.GetConstructor(new[] { typeof(Compilation) })!;
                return new Screen(
                    "baseline",
                    forget,
                    of,
                    tree => (int[])starts.GetValue(of(tree))!,
                    compilation =>
                    {
                        var instance = constructor.Invoke(new object[] { compilation });
                        return new Instance(
                            (Func<SyntaxTree, TextSpan, bool>)mayMatter.CreateDelegate(typeof(Func<SyntaxTree, TextSpan, bool>), instance),
                            (Func<int>)names.CreateDelegate(typeof(Func<int>), instance));
                    });
            }
        }

        /// <summary>One screen of one compilation.</summary>
        private sealed record Instance(Func<SyntaxTree, TextSpan, bool> MayMatter, Func<int> NamesSearched);
    }
}
