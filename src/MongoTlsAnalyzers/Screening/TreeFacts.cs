using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// What one pass over a file's text tells the screen: where the trigger words are (so that a member without one
    /// can be skipped even in a file that uses MongoDB), and a Bloom filter of every word, so that the search for a
    /// field's name skips the files that lack it. Kept per syntax tree, which the IDE reuses from one compilation to
    /// the next while the file is unchanged.
    /// </summary>
    internal sealed class TreeFacts
    {
        private const int FilterBits = 16384;
        private const int FilterMask = FilterBits - 1;

        private static ConditionalWeakTable<SyntaxTree, TreeFacts> s_cache = new ConditionalWeakTable<SyntaxTree, TreeFacts>();
        private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts>.CreateValueCallback Create = tree => Compute(tree);

        /// <summary>A 1,024-bit prefilter over the trigger words' hashes: most words of a file miss it at one bit test.</summary>
        private static readonly ulong[] TriggerFilter = BuildTriggerFilter();

        /// <summary>The Bloom filter of the file's words.</summary>
        private readonly ulong[] _words;

        private TreeFacts(int[] triggerStarts, int[] schemeStarts, ulong[] words)
        {
            TriggerStarts = triggerStarts;
            SchemeStarts = schemeStarts;
            _words = words;
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

        /// <summary>False when no word of the file has this hash; true when one may.</summary>
        public bool MayContain(uint hash)
        {
            var (a, b, c) = Bits(hash);
            return IsSet(_words, a) && IsSet(_words, b) && IsSet(_words, c);
        }

        private static TreeFacts Compute(SyntaxTree tree)
        {
            var visitor = new Collector(new ulong[FilterBits / 64]);
            IdentifierRuns.Scan(tree.GetText(CancellationToken.None), ref visitor);
            return new TreeFacts(
                visitor.TriggerStarts?.ToArray() ?? Array.Empty<int>(),
                visitor.SchemeStarts?.ToArray() ?? Array.Empty<int>(),
                visitor.Words);
        }

        private static (int A, int B, int C) Bits(uint hash) =>
            ((int)(hash & FilterMask), (int)((hash >> 14) & FilterMask), (int)(((hash >> 28) | (hash << 4)) & FilterMask));

        private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;

        private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

        private static ulong[] BuildTriggerFilter()
        {
            var filter = new ulong[1024 / 64];
            foreach (var word in TriggerWords.Words)
            {
                Set(filter, (int)(IdentifierRuns.Hash(word) & 1023));
            }

            foreach (var word in TriggerWords.Scheme)
            {
                Set(filter, (int)(IdentifierRuns.Hash(word) & 1023));
            }

            return filter;
        }

        private struct Collector : IRunVisitor
        {
            public Collector(ulong[] words)
            {
                Words = words;
                TriggerStarts = null;
                SchemeStarts = null;
            }

            public readonly ulong[] Words;

            public List<int>? TriggerStarts;

            public List<int>? SchemeStarts;

            public void Visit(int start, int length, uint hash)
            {
                if (IsSet(TriggerFilter, (int)(hash & 1023)))
                {
                    if (TriggerWords.IsScheme(hash, length))
                    {
                        (SchemeStarts ??= new List<int>()).Add(start);
                        (TriggerStarts ??= new List<int>()).Add(start);
                    }
                    else if (TriggerWords.IsTrigger(hash, length))
                    {
                        (TriggerStarts ??= new List<int>()).Add(start);
                    }
                }

                var (a, b, c) = Bits(hash);
                Set(Words, a);
                Set(Words, b);
                Set(Words, c);
            }
        }
    }
}
