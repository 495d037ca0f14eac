using System;
using System.Collections.Generic;
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

        private static readonly Dictionary<uint, int> Lengths = Build();

        /// <summary>True when the run with this hash and length is one of <see cref="Words"/> (or collides with one).</summary>
        public static bool IsTrigger(uint hash, int length) => Lengths.TryGetValue(hash, out var wordLength) && wordLength == length;

        /// <summary>True when the run is <c>mongo</c> or <c>mongodb</c>, in any case.</summary>
        public static bool IsScheme(uint hash, int length) =>
            (length == 7 && hash == MongodbHash) || (length == 5 && hash == MongoHash);

        private static readonly uint MongodbHash = IdentifierRuns.Hash("mongodb");
        private static readonly uint MongoHash = IdentifierRuns.Hash("mongo");

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

        private static Dictionary<uint, int> Build()
        {
            var lengths = new Dictionary<uint, int>();
            foreach (var word in Words)
            {
                lengths[IdentifierRuns.Hash(word)] = word.Length;
            }

            return lengths;
        }
    }
}
