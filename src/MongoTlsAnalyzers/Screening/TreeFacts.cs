using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// What one pass over a file's text tells the screen: where the trigger words are, so that a member without one
    /// can be skipped even in a file that uses MongoDB, and where the scheme's words are, where the search for names
    /// starts (<see cref="SourceScreen"/>). Kept per syntax tree, which the IDE reuses from one compilation to the next
    /// while the file is unchanged.
    /// <para>
    /// The pass keeps nothing else: the names the screen follows are searched for later, in every file's text
    /// (<see cref="string.IndexOf(string, StringComparison)"/>), and a typical compilation follows two. A filter of
    /// every word of every file, so that the search could skip files, cost more to build (three bits per word,
    /// 2 KB per file) than the searches it saved.
    /// </para>
    /// </summary>
    internal sealed class TreeFacts
    {
        private static ConditionalWeakTable<SyntaxTree, TreeFacts> s_cache = new ConditionalWeakTable<SyntaxTree, TreeFacts>();
        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts>.CreateValueCallback Create = tree => Compute(tree);

        private TreeFacts(int[] triggerStarts, int[] schemeStarts)
        {
            TriggerStarts = triggerStarts;
            SchemeStarts = schemeStarts;
        }

        /// <summary>True when a trigger word, <c>mongo</c> or <c>mongodb</c> occurs anywhere in the file.</summary>
        public bool HasTriggerWord => TriggerStarts.Length > 0;

        /// <summary>Where the trigger words (the scheme's words included) start, in text order.</summary>
        public int[] TriggerStarts { get; }

        /// <summary>Where the words <c>mongo</c> and <c>mongodb</c> (any case) start, in text order.</summary>
        public int[] SchemeStarts { get; }

        public static TreeFacts Of(SyntaxTree tree) => Volatile.Read(ref s_cache).GetValue(tree, Create);

        /// <summary>
        /// Drops every cached fact. Only the benchmark calls this: its passes share syntax trees (a build never does),
        /// and each pass must pay for reading the files, as a build would.
        /// </summary>
        internal static void ForgetAll()
        {
            Volatile.Write(ref s_cache, new ConditionalWeakTable<SyntaxTree, TreeFacts>());
            SourceScreen.ForgetClosures();
        }

        private static TreeFacts Compute(SyntaxTree tree)
        {
            var text = tree.GetText(CancellationToken.None);
            var collector = default(Collector);
            for (var offset = 0; offset < text.Length;)
            {
                var piece = SourcePieces.Read(text, offset);
                IdentifierRuns.Find(piece, offset, TriggerWords.Table, ref collector);
                offset += piece.Length;
            }

            return new TreeFacts(
                collector.TriggerStarts?.ToArray() ?? Array.Empty<int>(),
                collector.SchemeStarts?.ToArray() ?? Array.Empty<int>());
        }

        private struct Collector : IWordVisitor
        {
            public List<int>? TriggerStarts;

            public List<int>? SchemeStarts;

            public void Found(int position, int word)
            {
                (TriggerStarts ??= new List<int>()).Add(position);
                if (TriggerWords.IsScheme(word))
                {
                    (SchemeStarts ??= new List<int>()).Add(position);
                }
            }
        }
    }
}
