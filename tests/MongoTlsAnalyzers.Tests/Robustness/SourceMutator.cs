using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>One mutated source: where it came from, what was done to it, and the text.</summary>
    public sealed record Variant(string Origin, string Mutation, string Text)
    {
        public override string ToString() => $"{Origin} [{Mutation}]";
    }

    /// <summary>How many variants of each kind one source yields.</summary>
    public sealed record MutationBudget(
        int TruncateAtEveryBoundaryUpTo,
        int TruncationSample,
        int Deletions,
        int Duplications,
        int PayloadsPerSource,
        int ExpensivePayloadEverySources);

    /// <summary>
    /// Builds variants of a source from its tokens: truncated at token boundaries (and inside string literals),
    /// one token deleted or duplicated, and the URI-looking string literals replaced by <see cref="HostileUris"/>.
    /// All choices come from the given <see cref="Random"/>, so a fixed seed gives the same variants every run.
    /// </summary>
    public sealed class SourceMutator
    {
        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        private readonly Random _random;
        private readonly MutationBudget _budget;

        public SourceMutator(Random random, MutationBudget budget)
        {
            _random = random;
            _budget = budget;
        }

        public IReadOnlyList<Variant> Mutate(HarvestedSource source, int sourceIndex)
        {
            var text = source.Text;
            var root = CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
            var tokens = root.DescendantTokens().Where(t => !t.IsKind(SyntaxKind.EndOfFileToken) && t.Span.Length > 0).ToList();
            var variants = new List<Variant>();
            if (tokens.Count == 0)
            {
                return variants;
            }

            foreach (var cut in TruncationPoints(tokens))
            {
                variants.Add(new Variant(source.Origin, "truncated at " + cut, text.Substring(0, cut)));
            }

            for (var i = 0; i < _budget.Deletions; i++)
            {
                var token = tokens[_random.Next(tokens.Count)];
                variants.Add(new Variant(source.Origin, $"deleted '{Short(token.Text)}' at {token.SpanStart}", text.Remove(token.SpanStart, token.Span.Length)));
            }

            for (var i = 0; i < _budget.Duplications; i++)
            {
                var token = tokens[_random.Next(tokens.Count)];
                variants.Add(new Variant(source.Origin, $"duplicated '{Short(token.Text)}' at {token.SpanStart}", text.Insert(token.FullSpan.End, token.ToFullString())));
            }

            var targets = UriLiteralSpans(root, tokens);
            if (targets.Count > 0)
            {
                foreach (var payload in PayloadsFor(sourceIndex))
                {
                    variants.Add(new Variant(source.Origin, "literals replaced by " + payload.Name, ReplaceLiterals(text, targets, payload)));
                }
            }

            return variants;
        }

        /// <summary>A rotating window of the cheap payloads, so that each is used on an equal share of the sources; the expensive ones on every Nth source.</summary>
        private IEnumerable<HostileUris.Payload> PayloadsFor(int sourceIndex)
        {
            var cheap = HostileUris.All.Where(p => !p.Expensive).ToList();
            var count = Math.Min(_budget.PayloadsPerSource, cheap.Count);
            for (var k = 0; k < count; k++)
            {
                yield return cheap[((sourceIndex * count) + k) % cheap.Count];
            }

            if (sourceIndex % _budget.ExpensivePayloadEverySources == 0)
            {
                foreach (var payload in HostileUris.All.Where(p => p.Expensive))
                {
                    yield return payload;
                }
            }
        }

        /// <summary>The ends of tokens, plus a point inside each string literal (the half-typed URI).</summary>
        private IEnumerable<int> TruncationPoints(List<SyntaxToken> tokens)
        {
            var points = new SortedSet<int>();
            foreach (var token in tokens)
            {
                points.Add(token.Span.End);
                if (IsStringToken(token) && token.Span.Length > 2)
                {
                    points.Add(token.SpanStart + 1 + _random.Next(token.Span.Length - 2));
                }
            }

            if (points.Count <= _budget.TruncateAtEveryBoundaryUpTo)
            {
                return points;
            }

            var all = points.ToList();
            var sample = new SortedSet<int>();
            while (sample.Count < _budget.TruncationSample)
            {
                sample.Add(all[_random.Next(all.Count)]);
            }

            return sample;
        }

        /// <summary>
        /// The spans to overwrite: string literals and $"..." text parts that hold a URI; when there is none, one
        /// string literal chosen at random (a configuration key or a message becomes a URI then).
        /// </summary>
        private List<(TextSpan Span, bool InInterpolation)> UriLiteralSpans(SyntaxNode root, List<SyntaxToken> tokens)
        {
            var literals = tokens.Where(IsStringToken).ToList();
            var interpolationTexts = tokens.Where(t => t.IsKind(SyntaxKind.InterpolatedStringTextToken)
                    && t.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax s
                    && s.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
                    && s.StringStartToken.Text == "$\"")
                .ToList();
            static bool HoldsUri(SyntaxToken t) => t.ValueText.Contains("://", StringComparison.Ordinal) || t.ValueText.Contains("mongodb", StringComparison.OrdinalIgnoreCase);

            var targets = literals.Where(HoldsUri).Select(t => (t.Span, false))
                .Concat(interpolationTexts.Where(HoldsUri).Select(t => (t.Span, true)))
                .ToList();
            if (targets.Count == 0 && literals.Count > 0)
            {
                targets.Add((literals[_random.Next(literals.Count)].Span, false));
            }

            return targets.OrderBy(t => t.Span.Start).ToList();
        }

        private static string ReplaceLiterals(string text, List<(TextSpan Span, bool InInterpolation)> targets, HostileUris.Payload payload)
        {
            var literal = HostileUris.ToLiteral(payload);
            var insideInterpolation = literal.Substring(1, literal.Length - 2).Replace("{", "{{").Replace("}", "}}");
            var builder = new StringBuilder(text.Length + (literal.Length * targets.Count));
            var position = 0;
            foreach (var (span, inInterpolation) in targets)
            {
                builder.Append(text, position, span.Start - position);
                builder.Append(inInterpolation ? insideInterpolation : literal);
                position = span.End;
            }

            return builder.Append(text, position, text.Length - position).ToString();
        }

        private static bool IsStringToken(SyntaxToken token) =>
            token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken);

        private static string Short(string text) => text.Length <= 20 ? text : text.Substring(0, 20) + "…";
    }
}
