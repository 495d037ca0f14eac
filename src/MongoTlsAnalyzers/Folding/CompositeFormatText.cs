using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>
    /// The text <c>StringBuilder.AppendFormat</c> produces from a constant composite format: its literal text, with each
    /// item <c>{n}</c> replaced by the fold of argument n. An item with an alignment or a format string, or an argument
    /// that is missing, is a hole. The literal text is reported on the format string as a whole.
    /// </summary>
    internal static class CompositeFormatText
    {
        /// <summary>The formatted text, or null when the format is malformed (the call throws at run time).</summary>
        public static FoldedString? Split(string format, SyntaxNode formatSyntax, IReadOnlyList<IOperation> values, Func<IOperation, FoldedString> fold)
        {
            var parts = new List<FoldedString>();
            var text = new StringBuilder();
            var i = 0;
            while (i < format.Length)
            {
                var c = format[i];
                if ((c == '{' || c == '}') && i + 1 < format.Length && format[i + 1] == c)
                {
                    text.Append(c);
                    i += 2;
                    continue;
                }

                if (c == '}')
                {
                    return null;
                }

                if (c != '{')
                {
                    text.Append(c);
                    i++;
                    continue;
                }

                var close = format.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return null;
                }

                Flush(text, formatSyntax, parts);
                parts.Add(Item(format.Substring(i + 1, close - i - 1), formatSyntax, values, fold));
                i = close + 1;
            }

            Flush(text, formatSyntax, parts);
            return FoldedString.Concat(parts);
        }

        private static FoldedString Item(string item, SyntaxNode formatSyntax, IReadOnlyList<IOperation> values, Func<IOperation, FoldedString> fold)
        {
            var index = 0;
            foreach (var digit in item)
            {
                if (digit < '0' || digit > '9' || index > 1000)
                {
                    // An alignment, a format string or a malformed item: its text is not followed.
                    return FoldedString.Hole(formatSyntax);
                }

                index = (index * 10) + (digit - '0');
            }

            return item.Length > 0 && index < values.Count ? fold(values[index]) : FoldedString.Hole(formatSyntax);
        }

        private static void Flush(StringBuilder text, SyntaxNode formatSyntax, List<FoldedString> parts)
        {
            if (text.Length == 0)
            {
                return;
            }

            var value = text.ToString();
            text.Clear();
            parts.Add(new FoldedString(value, ImmutableArray.Create(
                new FoldedPiece(0, value, PieceOrigin.InterpolatedText, formatSyntax, null, isFallback: false, viaSymbol: null))));
        }
    }
}
