using System;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// Forward-only access to the characters of a <see cref="SourceText"/> through one fixed chunk buffer.
    /// The indexer of a large <see cref="SourceText"/> is a virtual call into a chunked text, and
    /// <see cref="SourceText.ToString()"/> would copy the whole file; copying 4,096 characters at a time
    /// keeps the reader at one small allocation per file and lets it look a few characters ahead
    /// (an escape such as <c>\uD83D\uDE00</c> needs twelve).
    /// </summary>
    internal sealed class JsonTextCursor
    {
        /// <summary>Lookahead must stay well below this; the reader never looks more than 12 characters ahead.</summary>
        private const int ChunkLength = 4096;

        private readonly SourceText _text;
        private readonly CancellationToken _cancellationToken;
        private readonly char[] _chunk;
        private int _chunkStart;
        private int _chunkCount;

        public JsonTextCursor(SourceText text, CancellationToken cancellationToken)
        {
            _text = text;
            _cancellationToken = cancellationToken;
            Length = text.Length;
            _chunk = new char[Math.Min(ChunkLength, Math.Max(Length, 1))];
        }

        /// <summary>The absolute position in the text of the next character.</summary>
        public int Position { get; private set; }

        public int Length { get; }

        /// <summary>The character <paramref name="ahead"/> places after <see cref="Position"/>, or -1 past the end.</summary>
        public int Peek(int ahead = 0)
        {
            var index = Position + ahead;
            if (index >= Length)
            {
                return -1;
            }

            var offset = index - _chunkStart;
            if (offset >= _chunkCount)
            {
                Refill();
                offset = index - _chunkStart;
            }

            return _chunk[offset];
        }

        public void Advance(int count) => Position += count;

        /// <summary>Refills from the current position, so that any lookahead shorter than the chunk is in it.</summary>
        private void Refill()
        {
            // Cancellation is checked once per chunk: often enough for the IDE, never per character.
            _cancellationToken.ThrowIfCancellationRequested();
            _chunkStart = Position;
            _chunkCount = Math.Min(_chunk.Length, Length - Position);
            _text.CopyTo(Position, _chunk, 0, _chunkCount);
        }
    }
}
