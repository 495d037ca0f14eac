using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// The words without which a file cannot hold anything a rule analyses, compared without case. Every rule
    /// starts from one of these (docs/rules): a URI, whose scheme is a word of the file's own text or reaches it
    /// through a field's name (<see cref="SourceScreen"/>); or an assignment, call or creation on a driver type,
    /// whose member or type name is written where it is used. The words come from the driver surface, so a rule
    /// that looks at a new member gets its word with the member's row; <c>SourceScreenTests</c> runs every analyzer
    /// test source split one type per file, screened and unscreened.
    /// </summary>
    internal static class TriggerWords
    {
        /// <summary>The scheme's words: <c>mongodb://</c>, <c>mongodb+srv://</c>, and the namespace <c>MongoDB</c>.</summary>
        public static readonly string[] Scheme = { "mongodb", "mongo" };

        /// <summary>
        /// The driver types and members the rules look at, produced from <see cref="DriverSurface"/>: each screened
        /// type's simple name and each screened member's name (compared without case, so <c>enabledProtocols:</c>
        /// matches too).
        /// </summary>
        public static readonly string[] Words = FromDriverSurface();

        /// <summary>
        /// The table the scan matches runs against, without case: the scheme's words first (index below
        /// <see cref="Scheme"/>'s length), then <see cref="Words"/>.
        /// </summary>
        public static readonly WordTable Table = BuildTable();

        /// <summary>True when the word at <paramref name="index"/> of <see cref="Table"/> is <c>mongo</c> or <c>mongodb</c>.</summary>
        public static bool IsScheme(int index) => index < Scheme.Length;

        /// <summary>True when the whole of <paramref name="word"/> is a trigger word, the scheme's included, in any case.</summary>
        public static bool IsTrigger(string word) => word.Length > 0 && Table.Match(word, 0, word.Length) >= 0;

        /// <summary>True when the whole of <paramref name="word"/> is <c>mongo</c> or <c>mongodb</c>, in any case.</summary>
        public static bool IsScheme(string word) => word.Length > 0 && Table.Match(word, 0, word.Length) is var index && index >= 0 && IsScheme(index);

        /// <summary>
        /// False when the scheme's word that starts at <paramref name="start"/> of <paramref name="text"/> cannot be
        /// where a URI's scheme begins, even completed by another piece: the character after the word is neither the
        /// scheme's own next character (<c>:</c> of <c>mongodb://</c>, <c>+</c> of <c>mongodb+srv://</c>) nor one that
        /// can end a string's text there (a quote, an interpolation hole, an escape, a line break in a multi-line
        /// string, the end of the file). <c>using MongoDB.Driver;</c> and <c>cluster0.mongodb.net</c> are ruled out.
        /// </summary>
        public static bool MayBeginScheme(SourceText text, int start)
        {
            var end = start;
            while (end < text.Length && IdentifierRuns.IsRunChar(text[end]))
            {
                end++;
            }

            return end >= text.Length || text[end] is ':' or '+' or '"' or '{' or '\\' or '\r' or '\n' or '\u2028' or '\u2029' or '\u0085';
        }

        private static string[] FromDriverSurface()
        {
            var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (_, metadataName, screens) in DriverSurface.Types)
            {
                if (screens)
                {
                    words.Add(metadataName.Substring(metadataName.LastIndexOf('.') + 1));
                }
            }

            foreach (var member in DriverSurface.Members)
            {
                if (member.Screens && member.Kind != DriverMemberKind.Constructor)
                {
                    words.Add(member.Name);
                }
            }

            var array = new string[words.Count];
            words.CopyTo(array);
            return array;
        }

        private static WordTable BuildTable()
        {
            var words = new List<string>(Scheme);
            words.AddRange(Words);
            return new WordTable(words, ignoreCase: true);
        }
    }
}
