using System;
using System.Collections.Generic;
using System.Text;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>Writes indented C# text, with the seeded random choices the templates make.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _indent;

        public CodeWriter(Random random)
        {
            Random = random;
        }

        public Random Random { get; }

        public CodeWriter Line(string line = "")
        {
            if (line.Length > 0)
            {
                _text.Append(' ', _indent * 4);
            }

            _text.Append(line).Append('\n');
            return this;
        }

        public CodeWriter Lines(params string[] lines)
        {
            foreach (var line in lines)
            {
                Line(line);
            }

            return this;
        }

        /// <summary>Writes each line of <paramref name="text"/> (a raw string block) at the current indentation.</summary>
        public CodeWriter Block(string text)
        {
            foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
            {
                Line(line);
            }

            return this;
        }

        /// <summary>Writes <paramref name="header"/> and an opening brace, and indents.</summary>
        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
            return this;
        }

        public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

        public bool Chance(double probability) => Random.NextDouble() < probability;

        public int Between(int min, int maxInclusive) => Random.Next(min, maxInclusive + 1);

        public override string ToString() => _text.ToString();
    }
}
