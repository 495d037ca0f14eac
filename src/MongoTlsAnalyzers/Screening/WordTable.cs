using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// A set of words to find among the runs of a text (<see cref="IdentifierRuns"/>), compared either without ASCII
    /// case (the trigger words) or ordinally (the names the source screen follows). Most runs of a file are not one of
    /// a few dozen words, and their first and last characters and length alone say so at one table lookup
    /// (<see cref="MayMatch"/>): only a run that has them of a word is compared, so the scan does not hash every run.
    /// On the benchmark's 300k lines, 7,751 of 1,033,420 runs pass the lookup, and 5,504 are trigger words.
    /// </summary>
    internal sealed class WordTable
    {
        private readonly bool _ignoreCase;

        /// <summary>The words, folded to lower case when case is ignored.</summary>
        private readonly string[] _words;

        /// <summary>
        /// One bit per word length (<see cref="LengthBit"/>), per cell of (first, last character) (<see cref="Cell"/>).
        /// A cell stands for several characters (both cases of a letter, and more), so the lookup can only say "maybe".
        /// </summary>
        private readonly ulong[] _lengths = new ulong[Cells];

        /// <summary>The indexes of the words with a given (folded) first character and length, in the order given.</summary>
        private readonly Dictionary<long, int[]> _candidates = new Dictionary<long, int[]>();

        public WordTable(IReadOnlyList<string> words, bool ignoreCase)
        {
            _ignoreCase = ignoreCase;
            _words = new string[words.Count];
            MinLength = int.MaxValue;
            var candidates = new Dictionary<long, List<int>>();
            for (var i = 0; i < words.Count; i++)
            {
                var word = ignoreCase ? FoldAscii(words[i]) : words[i];
                if (word.Length == 0)
                {
                    throw new ArgumentException("A word cannot be empty.", nameof(words));
                }

                _words[i] = word;
                MinLength = Math.Min(MinLength, word.Length);
                var first = word[0];
                _lengths[Cell(first, word[word.Length - 1])] |= LengthBit(word.Length);
                var key = Key(first, word.Length);
                if (!candidates.TryGetValue(key, out var list))
                {
                    candidates.Add(key, list = new List<int>());
                }

                list.Add(i);
            }

            foreach (var pair in candidates)
            {
                _candidates.Add(pair.Key, pair.Value.ToArray());
            }
        }

        /// <summary>The length of the shortest word: a shorter run is none of them (<see cref="IdentifierRuns"/> skips it unread).</summary>
        public int MinLength { get; }

        /// <summary>
        /// False when no word starts with <paramref name="first"/>, ends with <paramref name="last"/> (in either case,
        /// when case is ignored) and has <paramref name="length"/> characters; true when one may.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool MayMatch(char first, char last, int length) => (_lengths[Cell(first, last)] & LengthBit(length)) != 0;

        /// <summary>The index of the word that is exactly <paramref name="text"/>[start, start + length), or -1.</summary>
        public int Match(string text, int start, int length)
        {
            var first = _ignoreCase ? FoldAscii(text[start]) : text[start];
            if (!_candidates.TryGetValue(Key(first, length), out var indexes))
            {
                return -1;
            }

            foreach (var index in indexes)
            {
                if (_ignoreCase ? EqualsFolded(text, start, _words[index]) : string.CompareOrdinal(text, start, _words[index], 0, length) == 0)
                {
                    return index;
                }
            }

            return -1;
        }

        /// <summary>Only A-Z are folded, as URI schemes and C# keywords are ASCII; any other character is compared as it is.</summary>
        private static char FoldAscii(char c) => c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;

        private static string FoldAscii(string word)
        {
            var chars = word.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = FoldAscii(chars[i]);
            }

            return new string(chars);
        }

        private static bool EqualsFolded(string text, int start, string folded)
        {
            for (var i = 0; i < folded.Length; i++)
            {
                if (FoldAscii(text[start + i]) != folded[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The low five bits of each character: A and a, or 0 and P, share them. A first character outside ASCII has
        /// cells of its own. 8 KB in all, next to the text in the processor's first-level cache.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int Cell(char first, char last) => (first < 128 ? (first & 31) << 5 : 1024) | (last & 31);

        private const int Cells = 1024 + 32;

        /// <summary>Lengths of 63 and more share the last bit; <see cref="Match"/> compares the exact length.</summary>
        private static ulong LengthBit(int length) => 1UL << Math.Min(length, 63);

        private static long Key(char first, int length) => ((long)first << 32) | (uint)length;
    }
}
