using System;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>
    /// A growable character buffer reused for every string of a file, so that decoding a key or a value
    /// costs nothing per character and one string allocation per value at most.
    /// </summary>
    internal sealed class JsonCharBuffer
    {
        private char[] _chars = new char[128];

        public int Length { get; private set; }

        public char this[int index] => _chars[index];

        public void Append(char c)
        {
            if (Length == _chars.Length)
            {
                Array.Resize(ref _chars, _chars.Length * 2);
            }

            _chars[Length++] = c;
        }

        /// <summary>Appends a non-negative number in decimal, as the configuration reader names array elements.</summary>
        public void AppendNumber(int value)
        {
            var start = Length;
            do
            {
                Append((char)('0' + (value % 10)));
                value /= 10;
            }
            while (value > 0);

            Array.Reverse(_chars, start, Length - start);
        }

        public void Truncate(int length)
        {
            if (length < Length)
            {
                Length = length;
            }
        }

        public string ToString(int start, int length) => length == 0 ? string.Empty : new string(_chars, start, length);

        public override string ToString() => ToString(0, Length);
    }
}
