using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// Decides, per member, whether the rules need to look at it at all: most members of a large code base, even in
    /// files that use MongoDB, hold nothing a rule starts from, and skipping them is what keeps the analyzers near
    /// the cost of registering their actions.
    /// <para>
    /// Every rule starts from a root inside the member it analyses (docs/rules): a URI, or an assignment, call or
    /// creation on a driver type. A root's own text holds a trigger word (<see cref="TriggerWords"/>), or names a
    /// field or local whose value can lead with a MongoDB scheme: a URI folded from <c>Db.Scheme + "host"</c> in a
    /// member that says nothing else about MongoDB. Those names are found once per compilation, from the scheme's
    /// words in string literals, through the fields and locals they initialise or are assigned to, then the fields
    /// those names initialise in turn, to a fixed point (docs/architecture.md "Constant value": fields and locals, in any file).
    /// Each round's names are searched for in every file's text, as no index of every file's words is kept: a
    /// compilation typically follows two names, and a search costs far less than indexing every word
    /// (<see cref="TreeFacts"/>). Everything here errs on the side of analysing: a word in a comment, or a different symbol with the same name,
    /// keeps a member in.
    /// </para>
    /// </summary>
    internal sealed class SourceScreen : IMemberScreen
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new object();

        /// <summary>
        /// Per file of the compilation, where its trigger words and followed names are, in one sorted array; built for
        /// every file at the first question, with the closure (which has read every file's words by then). One plain
        /// dictionary, read without locks once published: a concurrent one kept a node per file and grew its table.
        /// </summary>
        private Dictionary<SyntaxTree, int[]>? _positions;

        /// <summary>How many field and local names the closure searched for (for the benchmark's summary).</summary>
        internal int NamesSearched { get; private set; }

        /// <summary>The screen of <paramref name="model"/>'s compilation.</summary>
        public static SourceScreen For(MongoCompilationModel model) => model.Part(static m => new SourceScreen(m.Compilation));

        public SourceScreen(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>True when something in <paramref name="tree"/> may be analysed by a rule.</summary>
        public bool MayMatter(SyntaxTree tree) => MayMatter(tree, new TextSpan(0, tree.Length));

        /// <summary>True when something in <paramref name="span"/> of <paramref name="tree"/> may be analysed by a rule.</summary>
        public bool MayMatter(SyntaxTree tree, TextSpan span)
        {
            // Asked once per type, and the driver interleaves files: one dictionary lookup per question. A tree of
            // another compilation gets its own trigger words (no name of this one's closure can matter there).
            return AnyWithin(Positions().TryGetValue(tree, out var positions) ? positions : TreeFacts.Of(tree).TriggerStarts, span);
        }

        /// <summary>The sorted union of <paramref name="triggerStarts"/> and <paramref name="namePositions"/> (both sorted).</summary>
        private static int[] Merge(int[] triggerStarts, List<int>? namePositions)
        {
            if (namePositions is null || namePositions.Count == 0)
            {
                return triggerStarts;
            }

            var merged = new int[triggerStarts.Length + namePositions.Count];
            int i = 0, j = 0, k = 0;
            while (i < triggerStarts.Length || j < namePositions.Count)
            {
                merged[k++] = j >= namePositions.Count || (i < triggerStarts.Length && triggerStarts[i] <= namePositions[j]) ? triggerStarts[i++] : namePositions[j++];
            }

            return merged;
        }

        /// <summary>True when one of the sorted <paramref name="positions"/> lies in <paramref name="span"/>.</summary>
        private static bool AnyWithin(int[] positions, TextSpan span)
        {
            int low = 0, high = positions.Length;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (positions[middle] < span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < positions.Length && positions[low] < span.End;
        }

        /// <summary>Per file of the compilation, its trigger words and the closure's names, merged (see <see cref="_positions"/>).</summary>
        private Dictionary<SyntaxTree, int[]> Positions()
        {
            var positions = Volatile.Read(ref _positions);
            if (positions is not null)
            {
                return positions;
            }

            lock (_gate)
            {
                if (_positions is null)
                {
                    var trees = new List<SyntaxTree>(_compilation.SyntaxTrees).ToArray();
                    var closure = ClosureCache.Find(trees);
                    if (closure is null)
                    {
                        var search = new NameClosure(trees);
                        var names = search.Run();
                        var merged = new Dictionary<SyntaxTree, int[]>(trees.Length);
                        foreach (var tree in trees)
                        {
                            merged[tree] = Merge(TreeFacts.Of(tree).TriggerStarts, names.TryGetValue(tree, out var found) ? found : null);
                        }

                        closure = new ClosureCache.Entry(trees, merged, search.NamesSearched);
                        ClosureCache.Remember(closure);
                    }

                    NamesSearched = closure.NamesSearched;
                    Volatile.Write(ref _positions, closure.Positions);
                }

                return _positions!;
            }
        }

        /// <summary>Drops the remembered closures (with <see cref="TreeFacts.ForgetAll"/>, for the benchmark).</summary>
        internal static void ForgetClosures() => ClosureCache.ForgetAll();

        /// <summary>
        /// The closure depends only on the files, and the IDE asks for one document at a time on a fresh clone of the
        /// project's compilation: each request would pay for the whole project again. So it is remembered per set of
        /// syntax trees (keyed by the first, checked element by element), until a file changes.
        /// </summary>
        private static class ClosureCache
        {
            private static readonly object Gate = new object();
            private static ConditionalWeakTable<SyntaxTree, Entry> s_entries = new ConditionalWeakTable<SyntaxTree, Entry>();

            public static Entry? Find(SyntaxTree[] trees)
            {
                if (trees.Length == 0 || !Volatile.Read(ref s_entries).TryGetValue(trees[0], out var entry) || entry.Trees.Length != trees.Length)
                {
                    return null;
                }

                for (var i = 0; i < trees.Length; i++)
                {
                    if (!ReferenceEquals(entry.Trees[i], trees[i]))
                    {
                        return null;
                    }
                }

                return entry;
            }

            /// <summary>
            /// Replaces the project's entry. An entry keeps its snapshot's trees alive until the project's next closure
            /// replaces it: one old snapshot per project at most.
            /// </summary>
            public static void Remember(Entry entry)
            {
                if (entry.Trees.Length == 0)
                {
                    return;
                }

                lock (Gate)
                {
                    var entries = Volatile.Read(ref s_entries);
                    entries.Remove(entry.Trees[0]);
                    entries.Add(entry.Trees[0], entry);
                }
            }

            public static void ForgetAll() => Volatile.Write(ref s_entries, new ConditionalWeakTable<SyntaxTree, Entry>());

            public sealed class Entry
            {
                public Entry(SyntaxTree[] trees, Dictionary<SyntaxTree, int[]> positions, int namesSearched)
                {
                    Trees = trees;
                    Positions = positions;
                    NamesSearched = namesSearched;
                }

                public SyntaxTree[] Trees { get; }

                /// <summary>Every file's merged positions, read-only once published.</summary>
                public Dictionary<SyntaxTree, int[]> Positions { get; }

                public int NamesSearched { get; }
            }
        }
    }
}
