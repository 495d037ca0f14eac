using System.Runtime.CompilerServices;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// Cuts a source text into maximal runs of identifier characters (ASCII letters, digits and underscore, and any
    /// other character <see cref="char.IsLetterOrDigit(char)"/> accepts) and finds the runs that are words of a
    /// <see cref="WordTable"/>, without allocating and without a parser. Words inside comments and strings are runs
    /// too: the screen built on this is an over-approximation by design (a word anywhere keeps the file analysed).
    /// The scan skips, unread, what cannot hold a run as long as the table's shortest word (<see cref="Find"/>):
    /// indentation, punctuation and short names. For the trigger words (five characters and more), on the benchmark's
    /// 300k lines, it takes 8.7 ms of thread CPU where reading every character took 11.1 ms (docs/performance.md
    /// "Looking ahead by the shortest word").
    /// </summary>
    internal static class IdentifierRuns
    {
        /// <summary>
        /// <see cref="MethodImplOptions"/>.AggressiveOptimization (.NET Core 3.0 and later; netstandard2.0 does not name
        /// it, and .NET Framework ignores it): the loop below reads most characters of every file, mostly in a
        /// compiler process that has just started, where tiered compilation would run it unoptimised, then through
        /// on-stack replacement, for the first tens of thousands of files. The benchmark's <c>screen</c> mode, thread
        /// CPU time over 300k lines: 31-35 ms with it and 53-63 ms without in a fresh process, about 20 against 40 ms
        /// for the next twenty rounds, the same (13 ms) once both are tiered up.
        /// </summary>
        private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

        /// <summary>
        /// For every UTF-16 unit, whether it is part of a run (64 KB, built once): one load per character read in the
        /// scan below, where a test of the ASCII range and a call for the rest ran at about half the speed (docs/performance.md).
        /// </summary>
        private static readonly bool[] RunChars = BuildRunChars();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool IsRunChar(char c) => RunChars[c];

        /// <summary>True when <paramref name="text"/> has a run boundary just before <paramref name="index"/>.</summary>
        public static bool StartsRun(string text, int index) => index == 0 || !IsRunChar(text[index - 1]);

        /// <summary>True when <paramref name="text"/> has a run boundary just after <paramref name="end"/> - 1.</summary>
        public static bool EndsRun(string text, int end) => end >= text.Length || !IsRunChar(text[end]);

        /// <summary>True when every character of <paramref name="word"/> is part of a run, so that it can be one run.</summary>
        public static bool IsOneRun(string word)
        {
            foreach (var c in word)
            {
                if (!IsRunChar(c))
                {
                    return false;
                }
            }

            return word.Length > 0;
        }

        /// <summary>
        /// Tells <paramref name="visitor"/> about every run of <paramref name="text"/> that is one of
        /// <paramref name="words"/>, in text order, at its position plus <paramref name="offset"/> (where
        /// <paramref name="text"/> starts in its file, <see cref="SourcePieces"/>). The text must start and end at
        /// run boundaries.
        /// </summary>
        [MethodImpl(AggressiveOptimization)]
        public static unsafe void Find<TVisitor>(string text, int offset, WordTable words, ref TVisitor visitor)
            where TVisitor : struct, IWordVisitor
        {
            if (words.MinLength > text.Length)
            {
                return;
            }

            // Pointers: the loops below are most of the screen's time, and indexing the string and the table costs a
            // bounds check per character.
            fixed (char* start = text)
            fixed (bool* isRunChar = RunChars)
            {
                var end = start + text.Length;

                // Only a run of at least the shortest word's length can be a word. So the scan looks ahead to where
                // such a run's last character must at least be: where that is no run character, no such run starts
                // before it, and the characters in between are never read (indentation, punctuation, short names).
                // p is always the text's start or just after a character that is no run character.
                var reach = words.MinLength - 1;
                var p = start;
                while (true)
                {
                    var probe = p + reach;
                    if (probe >= end)
                    {
                        return;
                    }

                    if (!isRunChar[*probe])
                    {
                        p = probe + 1;
                        continue;
                    }

                    // The run around the probe: back to its start (never before p), then on to its end.
                    var runStart = probe;
                    while (runStart > p && isRunChar[runStart[-1]])
                    {
                        runStart--;
                    }

                    var runEnd = probe + 1;
                    while (runEnd < end && isRunChar[*runEnd])
                    {
                        runEnd++;
                    }

                    // Only a run with a word's first and last characters and length is read again.
                    var length = (int)(runEnd - runStart);
                    if (length > reach && words.MayMatch(*runStart, runEnd[-1], length))
                    {
                        var index = (int)(runStart - start);
                        var word = words.Match(text, index, length);
                        if (word >= 0)
                        {
                            visitor.Found(offset + index, word);
                        }
                    }

                    // runEnd is the text's end or a character that is no run character.
                    p = runEnd + 1;
                }
            }
        }

        private static bool[] BuildRunChars()
        {
            var table = new bool[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                table[c] = c < 128
                    ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    : char.IsLetterOrDigit((char)c);
            }

            return table;
        }
    }
}
