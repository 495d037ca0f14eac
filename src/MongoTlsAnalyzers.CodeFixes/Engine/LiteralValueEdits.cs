using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// Rewrites the value of a string literal and writes it back as the same kind of literal (regular,
    /// verbatim or raw), so that options can be removed or renamed inside connection strings.
    /// </summary>
    internal static class LiteralValueEdits
    {
        /// <summary>The string literal that a (possibly narrowed) diagnostic span lies in.</summary>
        public static LiteralExpressionSyntax? FindLiteral(SyntaxNode root, TextSpan span)
        {
            var token = root.FindToken(span.Start);
            return token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Span.Contains(span)
                ? literal
                : null;
        }

        /// <summary>
        /// The piece of string syntax an edit applies to: the interpolated-text part at <paramref name="pieceSpan"/>
        /// when the analyzer named one, otherwise the string literal the diagnostic span lies in.
        /// </summary>
        public static SyntaxNode? FindPiece(SyntaxNode root, TextSpan diagnosticSpan, TextSpan? pieceSpan)
        {
            if (pieceSpan is not { } span)
            {
                return FindLiteral(root, diagnosticSpan);
            }

            return span.End <= root.FullSpan.End
                && root.FindNode(span, getInnermostNodeForTie: true) is InterpolatedStringTextSyntax text
                && text.Span == span
                && TextPartKind(text) != SyntaxKind.None
                ? text
                : null;
        }

        /// <summary>Whether <paramref name="edit"/> lies inside the value of a literal or interpolated-text part.</summary>
        public static bool Fits(SyntaxNode piece, LiteralEdit edit) => piece switch
        {
            LiteralExpressionSyntax literal => Fits(literal, edit),
            InterpolatedStringTextSyntax text => Fits(text.TextToken.ValueText, edit),
            _ => false,
        };

        /// <summary><see cref="ApplyAll(LiteralExpressionSyntax, IEnumerable{LiteralEdit})"/> for a literal or an interpolated-text part.</summary>
        public static SyntaxNode ApplyAll(SyntaxNode piece, IEnumerable<LiteralEdit> editsFromTheEnd) => piece switch
        {
            LiteralExpressionSyntax literal => ApplyAll(literal, editsFromTheEnd),
            InterpolatedStringTextSyntax text => ApplyAll(text, editsFromTheEnd),
            _ => piece,
        };

        private static InterpolatedStringTextSyntax ApplyAll(InterpolatedStringTextSyntax text, IEnumerable<LiteralEdit> editsFromTheEnd)
        {
            var kind = TextPartKind(text);
            var value = Edited(text.TextToken.ValueText, editsFromTheEnd, out var changed);
            if (!changed || kind == SyntaxKind.None)
            {
                return text;
            }

            // Regular: escaped as in a string literal; verbatim: quotes doubled. Braces are doubled in both.
            var escaped = kind == SyntaxKind.InterpolatedVerbatimStringStartToken
                ? value.Replace("\"", "\"\"")
                : SyntaxFactory.Literal(value).Text.Substring(1, SyntaxFactory.Literal(value).Text.Length - 2);
            escaped = escaped.Replace("{", "{{").Replace("}", "}}");
            var token = SyntaxFactory.Token(text.TextToken.LeadingTrivia, SyntaxKind.InterpolatedStringTextToken, escaped, value, text.TextToken.TrailingTrivia);
            return text.WithTextToken(token);
        }

        /// <summary>The start token kind of a regular or verbatim interpolated string holding <paramref name="text"/>; None for a raw one.</summary>
        private static SyntaxKind TextPartKind(InterpolatedStringTextSyntax text)
        {
            var start = text.Parent is InterpolatedStringExpressionSyntax interpolated ? interpolated.StringStartToken.Kind() : SyntaxKind.None;
            return start is SyntaxKind.InterpolatedStringStartToken or SyntaxKind.InterpolatedVerbatimStringStartToken ? start : SyntaxKind.None;
        }

        /// <summary><paramref name="value"/> with the edits applied from the end, skipping any that overlaps one already applied.</summary>
        private static string Edited(string value, IEnumerable<LiteralEdit> editsFromTheEnd, out bool changed)
        {
            var builder = new StringBuilder(value);
            var limit = int.MaxValue;
            changed = false;
            foreach (var edit in editsFromTheEnd)
            {
                if (edit.Start + edit.Length > limit)
                {
                    continue;
                }

                if (Fits(builder.Length, edit))
                {
                    builder.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Replacement);
                    changed = true;
                }

                limit = edit.Start;
            }

            return builder.ToString();
        }

        /// <summary>The literal with <paramref name="edit"/> applied to its value, or null when the edit does not fit.</summary>
        public static LiteralExpressionSyntax? Apply(LiteralExpressionSyntax literal, LiteralEdit edit)
        {
            var value = literal.Token.ValueText;
            if (!Fits(value, edit))
            {
                return null;
            }

            var updated = value.Substring(0, edit.Start) + edit.Replacement + value.Substring(edit.Start + edit.Length);
            return Create(literal.Token, updated).WithTriviaFrom(literal);
        }

        /// <summary>Whether <paramref name="edit"/> lies inside the literal's value (what <see cref="Apply"/> checks, without building a literal).</summary>
        public static bool Fits(LiteralExpressionSyntax literal, LiteralEdit edit) => Fits(literal.Token.ValueText, edit);

        /// <summary>
        /// Applies edits ordered by start, last first, skipping any that overlaps one already applied, and writes the
        /// literal once: Fix All on a URI with thousands of options used to rebuild the whole literal per edit.
        /// </summary>
        public static LiteralExpressionSyntax ApplyAll(LiteralExpressionSyntax literal, IEnumerable<LiteralEdit> editsFromTheEnd)
        {
            var value = Edited(literal.Token.ValueText, editsFromTheEnd, out var changed);
            return changed ? Create(literal.Token, value).WithTriviaFrom(literal) : literal;
        }

        private static bool Fits(string value, LiteralEdit edit) => Fits(value.Length, edit);

        private static bool Fits(int valueLength, LiteralEdit edit) =>
            edit.Start >= 0 && edit.Length >= 0 && edit.Start + edit.Length <= valueLength;

        private static LiteralExpressionSyntax Create(SyntaxToken original, string value)
        {
            var text = original.Text;
            SyntaxToken token;
            if (original.IsKind(SyntaxKind.StringLiteralToken) && text.StartsWith("@", StringComparison.Ordinal))
            {
                token = SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value);
            }
            else if (original.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                && value.IndexOf('\n') < 0
                && value.IndexOf('\r') < 0
                && !value.StartsWith("\"", StringComparison.Ordinal)
                && !value.EndsWith("\"", StringComparison.Ordinal))
            {
                var quotes = 3;
                while (value.Contains(new string('"', quotes)))
                {
                    quotes++;
                }

                var fence = new string('"', quotes);
                return (LiteralExpressionSyntax)SyntaxFactory.ParseExpression(fence + value + fence);
            }
            else
            {
                token = SyntaxFactory.Literal(value);
            }

            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, token);
        }
    }
}
