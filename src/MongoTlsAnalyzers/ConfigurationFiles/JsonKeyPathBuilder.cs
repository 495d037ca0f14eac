namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// The configuration key of the value being read, built the way <c>Microsoft.Extensions.Configuration.Json</c>
    /// builds it: decoded property names and array indexes joined with <c>:</c>. One buffer holds the
    /// whole path; a new key or index overwrites the segment of its depth, so no key is ever allocated.
    /// </summary>
    internal sealed class JsonKeyPathBuilder
    {
        // Segment i (the key under the container at depth i + 1) ends at _segmentEnds[i] in the buffer.
        private readonly int[] _segmentEnds;
        private readonly bool[] _segmentIsIndex;

        public JsonKeyPathBuilder(int maxDepth)
        {
            _segmentEnds = new int[maxDepth];
            _segmentIsIndex = new bool[maxDepth];
        }

        /// <summary>The path text; a key being decoded is appended here directly.</summary>
        public JsonCharBuffer Buffer { get; } = new JsonCharBuffer();

        /// <summary>Starts the segment of a property of the container at <paramref name="depth"/> (1 for the root).</summary>
        public void BeginKey(int depth) => BeginSegment(depth);

        /// <summary>Ends the segment that <see cref="BeginKey"/> started, once the key has been decoded into <see cref="Buffer"/>.</summary>
        public void EndKey(int depth)
        {
            _segmentEnds[depth - 1] = Buffer.Length;
            _segmentIsIndex[depth - 1] = false;
        }

        /// <summary>Sets the segment of element <paramref name="index"/> of the array at <paramref name="depth"/>.</summary>
        public void SetIndex(int depth, int index)
        {
            BeginSegment(depth);
            Buffer.AppendNumber(index);
            _segmentEnds[depth - 1] = Buffer.Length;
            _segmentIsIndex[depth - 1] = true;
        }

        /// <summary>The key path of a value directly under the container at <paramref name="depth"/> (0: the root value).</summary>
        public string PathAt(int depth) => depth == 0 ? string.Empty : Buffer.ToString(0, _segmentEnds[depth - 1]);

        /// <summary>
        /// The segments of that path, each as its end offset in the path shifted left once, with the low bit
        /// set for an array index: what <see cref="JsonStringValue"/> needs to answer segment questions.
        /// </summary>
        public int[] SegmentsAt(int depth)
        {
            if (depth == 0)
            {
                return Empty;
            }

            var segments = new int[depth];
            for (var i = 0; i < depth; i++)
            {
                segments[i] = (_segmentEnds[i] << 1) | (_segmentIsIndex[i] ? 1 : 0);
            }

            return segments;
        }

        private static readonly int[] Empty = new int[0];

        /// <summary>
        /// Cuts the path back to the parent's segments and adds the delimiter. As in the configuration reader,
        /// the delimiter depends on depth, not on the parent's text: <c>{"": {"b": ""}}</c> has the key <c>:b</c>.
        /// </summary>
        private void BeginSegment(int depth)
        {
            if (depth == 1)
            {
                Buffer.Truncate(0);
                return;
            }

            Buffer.Truncate(_segmentEnds[depth - 2]);
            Buffer.Append(':');
        }
    }
}
