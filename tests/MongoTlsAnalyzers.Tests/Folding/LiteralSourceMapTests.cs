using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Folding;

namespace MongoTlsAnalyzers.Tests.Folding
{
    /// <summary>
    /// Where a range of a literal's value lies in the source, across escape sequences. The map is built once per
    /// literal (it used to walk the literal per call, which was quadratic on URIs with thousands of options).
    /// </summary>
    public sealed class LiteralSourceMapTests
    {
        /// <summary>Maps the first occurrence of <paramref name="part"/> in the literal's value; returns the source text it covers, or null.</summary>
        private static string? SourceOf(string literalSource, string part, int occurrence = 0)
        {
            var code = "class C { object F = " + literalSource + "; }";
            var literal = CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot()
                .DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
            var value = literal.Token.ValueText;
            var start = -1;
            for (var i = 0; i <= occurrence; i++)
            {
                start = value.IndexOf(part, start + 1, System.StringComparison.Ordinal);
            }

            Assert.True(start >= 0, $"'{part}' is not in the value '{value}'");
            return LiteralSourceMap.TryMapSpan(literal, start, part.Length, out var span) ? code.Substring(span.Start, span.Length) : null;
        }

        [Theory]
        [InlineData("\"mongodb://h/?tls=true\"", "tls=true", "tls=true")]
        [InlineData("\"a\\tb\\u0041tls=true\"", "tls=true", "tls=true")]
        [InlineData("\"a\\tb\\u0041tls=true\"", "\tbA", "\\tb\\u0041")]
        [InlineData("\"x\\x41\\\\y\"", "A\\y", "\\x41\\\\y")]
        [InlineData("\"\\U0001F600 tls\"", " tls", " tls")]
        [InlineData("@\"say \"\"hi\"\" tls=true\"", "\"hi\" tls", "\"\"hi\"\" tls")]
        [InlineData("@\"C:\\ca.pem\"", "ca.pem", "ca.pem")]
        [InlineData("\"\"\"raw \"q\" tls=true\"\"\"", "\"q\" tls", "\"q\" tls")]
        [InlineData("\"\"", "", "")]
        public void MapsValueRangesOntoTheSource(string literal, string part, string expectedSource)
        {
            Assert.Equal(expectedSource, SourceOf(literal, part));
        }

        [Fact]
        public void LaterOccurrencesMapToTheirOwnPlace()
        {
            Assert.Equal("a=1", SourceOf("\"\\ta=1&\\ta=1\"", "a=1", occurrence: 1));
            var code = "class C { object F = \"\\ta=1&\\ta=1\"; }";
            var literal = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single();
            Assert.True(LiteralSourceMap.TryMapSpan(literal, 6, 3, out var span));
            Assert.Equal(code.LastIndexOf("a=1", System.StringComparison.Ordinal), span.Start);
        }

        [Fact]
        public void BoundariesThatCannotBeMappedFail()
        {
            var code = "class C { object F = \"\\U0001F600x\"; object G = $\"{1}\"; }";
            var literals = CSharpSyntaxTree.ParseText(code).GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().ToList();
            var emoji = literals[0];

            // Inside the surrogate pair that one \U escape writes.
            Assert.False(LiteralSourceMap.TryMapSpan(emoji, 1, 1, out _));
            Assert.False(LiteralSourceMap.TryMapSpan(emoji, 0, 1, out _));
            Assert.True(LiteralSourceMap.TryMapSpan(emoji, 0, 2, out _));

            // Past the end, and negative.
            Assert.False(LiteralSourceMap.TryMapSpan(emoji, 3, 1, out _));
            Assert.False(LiteralSourceMap.TryMapSpan(emoji, -1, 1, out _));
            Assert.True(LiteralSourceMap.TryMapSpan(emoji, 3, 0, out _));

            // Not a string literal.
            Assert.False(LiteralSourceMap.TryMapSpan(literals[1], 0, 1, out _));
        }
    }
}
