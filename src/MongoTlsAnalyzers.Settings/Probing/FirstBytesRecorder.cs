using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>
    /// A pass-through stream that keeps the first bytes the server sent, so that a failed TLS handshake can be
    /// told apart: a TLS alert record (and which alert), plaintext, or nothing at all.
    /// </summary>
    internal sealed class FirstBytesRecorder : Stream
    {
        private const int Kept = 64;
        private readonly Stream _inner;
        private readonly byte[] _first = new byte[Kept];
        private int _count;

        public FirstBytesRecorder(Stream inner)
        {
            _inner = inner;
        }

        public ReadOnlySpan<byte> FirstBytes => _first.AsSpan(0, _count);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => _inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, count);
            Keep(buffer.AsSpan(offset, read));
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            Keep(buffer.Span.Slice(0, read));
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => _inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _inner.WriteAsync(buffer, cancellationToken);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _inner.WriteAsync(buffer, offset, count, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private void Keep(ReadOnlySpan<byte> data)
        {
            var take = Math.Min(data.Length, Kept - _count);
            if (take > 0)
            {
                data.Slice(0, take).CopyTo(_first.AsSpan(_count));
                _count += take;
            }
        }
    }
}
