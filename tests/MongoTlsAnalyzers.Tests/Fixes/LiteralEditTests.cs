using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>The one encoder and decoder of the literal edits the analyzer hands to the fixes.</summary>
    public sealed class LiteralEditTests
    {
        [Theory]
        [InlineData(0, 7, "")]
        [InlineData(12, 0, "tls=true&")]
        [InlineData(3, 2, "a|b")]
        [InlineData(40, 5, "connectTimeoutMS")]
        public void RoundTrips(int start, int length, string replacement)
        {
            var encoded = new LiteralEdit(start, length, replacement).Encode();
            Assert.True(LiteralEdit.TryDecode(encoded, out var decoded));
            Assert.Equal((start, length, replacement), (decoded.Start, decoded.Length, decoded.Replacement));
        }

        [Fact]
        public void RemovalsHaveTwoFields()
        {
            Assert.Equal("4|9", new LiteralEdit(4, 9, string.Empty).Encode());
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("12")]
        [InlineData("a|1")]
        [InlineData("1|b|x")]
        [InlineData("-1|2")]
        [InlineData("1|99999999999")]
        public void RejectsWhatItDidNotWrite(string? encoded)
        {
            Assert.False(LiteralEdit.TryDecode(encoded, out _));
        }
    }
}
