using System;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// Cuts a source text into maximal runs of identifier characters (letters, digits, underscore) and hashes each
    /// one, without allocating and without a parser. Words inside comments and strings are runs too: the screen
    /// built on this is an over-approximation by design (a word anywhere keeps the file analysed). The hash folds
    /// ASCII case, so <c>MongoDB</c>, <c>mongodb</c> and <c>MONGODB</c> are one word, like URI schemes are.
    /// </summary>
    internal static class IdentifierRuns
    {
        private const uint OffsetBasis = 2166136261;
        private const uint Prime = 16777619;
        private const int ChunkSize = 4096;

        [ThreadStatic]
        private static char[]? t_chunk;

        /// <summary>The case-insensitive FNV-1a hash of <paramref name="word"/>, as <see cref="Scan"/> computes it.</summary>
        public static uint Hash(string word)
        {
            var hash = OffsetBasis;
            foreach (var c in word)
            {
                hash = Step(hash, c);
            }

            return hash;
        }

        public static bool IsRunChar(char c) => c < 128 ? AsciiRunChars[c] : char.IsLetterOrDigit(c);

        /// <summary>True when <paramref name="text"/> has a run boundary just before <paramref name="index"/>.</summary>
        public static bool StartsRun(string text, int index) => index == 0 || !IsRunChar(text[index - 1]);

        /// <summary>True when <paramref name="text"/> has a run boundary just after <paramref name="end"/> - 1.</summary>
        public static bool EndsRun(string text, int end) => end >= text.Length || !IsRunChar(text[end]);

        private static readonly bool[] AsciiRunChars = BuildAsciiRunChars();

        /// <summary>For each ASCII character: its lower-case form when it is part of a run, else 0.</summary>
        private static readonly char[] AsciiFolded = BuildAsciiFolded();

        private static char[] BuildAsciiFolded()
        {
            var table = new char[128];
            for (var c = 0; c < 128; c++)
            {
                table[c] = AsciiRunChars[c] ? (c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : (char)c) : '\0';
            }

            return table;
        }

        private static bool[] BuildAsciiRunChars()
        {
            var table = new bool[128];
            for (var c = 0; c < 128; c++)
            {
                table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            }

            return table;
        }

        /// <summary>Visits every run of <paramref name="text"/>, reading it in chunks through one reused buffer.</summary>
        public static void Scan<TVisitor>(SourceText text, ref TVisitor visitor)
            where TVisitor : struct, IRunVisitor
        {
            var chunk = t_chunk ??= new char[ChunkSize];
            var length = text.Length;
            var runStart = -1;
            var hash = OffsetBasis;
            for (var offset = 0; offset < length; offset += ChunkSize)
            {
                var count = Math.Min(ChunkSize, length - offset);
                text.CopyTo(offset, chunk, 0, count);
                for (var i = 0; i < count; i++)
                {
                    var c = chunk[i];

                    // One table lookup classifies and folds an ASCII character (0: not part of a run).
                    var folded = c < 128 ? AsciiFolded[c] : (char.IsLetterOrDigit(c) ? c : '\0');
                    if (folded != 0)
                    {
                        if (runStart < 0)
                        {
                            runStart = offset + i;
                            hash = OffsetBasis;
                        }

                        hash = (hash ^ folded) * Prime;
                    }
                    else if (runStart >= 0)
                    {
                        visitor.Visit(runStart, offset + i - runStart, hash);
                        runStart = -1;
                    }
                }
            }

            if (runStart >= 0)
            {
                visitor.Visit(runStart, length - runStart, hash);
            }
        }

        private static uint Step(uint hash, char c)
        {
            if (c >= 'A' && c <= 'Z')
            {
                c = (char)(c | 0x20);
            }

            return (hash ^ c) * Prime;
        }
    }
}
