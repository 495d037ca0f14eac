using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Malformed URIs, half-typed code, null and empty literals, huge literals and many sinks: no analyzer
    /// may throw (AD0001), flood diagnostics, or run away. A generous cancellation deadline guards against
    /// runaway work; it is not a performance target (those are in benchmarks/).
    /// </summary>
    public sealed class BadInputTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();

        private static ImmutableArray<Diagnostic> Analyze(string source, DriverVersion driver = DriverVersion.V3)
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var compilation = AnalyzerRunner.Compile(new[] { source }, driver);
            return AnalyzerRunner.Run(compilation, Analyzers, cancellationToken: deadline.Token)
                .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                .ToImmutableArray();
        }

        [Theory]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://admin:S3cret@db.exa")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient($\"mongodb://admin:{")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient($\"mongodb://admin:{x}@{\"")]
        [InlineData("using MongoDB.Driver; class C { object M() => MongoCredential.CreateCredential(\"admin\", \"u\", ")]
        [InlineData("using MongoDB.Driver; class C { void M() { var b = new MongoUrlBuilder { Password = } } }")]
        [InlineData("using MongoDB.Driver; class C { const string A = B; const string B = A; object M() => new MongoClient(A); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://\" + ); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://\" +")]
        [InlineData("using MongoDB.Driver; class C { string s = \"mongodb://a:b@c\" + s; object M() => new MongoClient(s); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(@\"mongodb://admin:")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"\"\"mongodb://admin:S3cret@")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient((string)null); object N() => new MongoClient(\"\"); object O() => new MongoClient(default(string)); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://[::1\"); object N() => new MongoClient(\"mongodb://%zz@h:99999/?=&&;;\"); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://\\0\\0:\\0@\\0/?\\0=\\0\"); }")]
        [InlineData("using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb+srv://\"); }")]
        [InlineData("class C { void M() { var x = \"mongodb://admin:S3cret@db.example.com\"; } }")]
        public void HalfTypedAndMalformedCodeNeverThrows(string source)
        {
            Analyze(source, DriverVersion.V3);
            Analyze(source, DriverVersion.V2);
        }

        [Fact]
        public void AMegabyteLiteralGivesOneDiagnostic()
        {
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://admin:S3cret@" + new string('a', 1_000_000) + "\"); }";
            var diagnostics = Analyze(source);
            Assert.Equal("MTA001", Assert.Single(diagnostics).Id);
        }

        [Fact]
        public void TenThousandOptionsGiveNoFlood()
        {
            var options = string.Join("&", Enumerable.Range(0, 10_000).Select(i => "appName=x" + i));
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost/?" + options + "\"); }";
            Assert.Empty(Analyze(source));
        }

        [Fact]
        public void AThousandSinksOfOneConstantGiveOneDiagnostic()
        {
            var builder = new StringBuilder("using MongoDB.Driver; class C { const string Conn = \"mongodb://admin:S3cret@db.example.com\"; void M() {");
            for (var i = 0; i < 1000; i++)
            {
                builder.Append("new MongoClient(Conn); MongoClientSettings.FromConnectionString(Conn + \"/?appName=a").Append(i).Append("\");");
            }

            builder.Append("} }");
            var diagnostics = Analyze(builder.ToString());
            Assert.Equal("MTA001", Assert.Single(diagnostics).Id);
        }

        [Fact]
        public void AThousandDistinctLiteralsGiveOneDiagnosticEach()
        {
            var builder = new StringBuilder("using MongoDB.Driver; class C { void M() {");
            for (var i = 0; i < 1000; i++)
            {
                builder.Append("new MongoClient(\"mongodb://admin:S3cret@db").Append(i).Append(".example.com\");");
            }

            builder.Append("} }");
            Assert.Equal(1000, Analyze(builder.ToString()).Count(d => d.Id == "MTA001"));
        }

        [Fact]
        public void DeepConcatenationAndInterpolationDoNotOverflow()
        {
            var concatenation = "\"mongodb://admin:S3cret@\" + " + string.Join(" + ", Enumerable.Range(0, 3000).Select(i => "\"h" + i + "\""));
            var interpolation = "$\"mongodb://db.example.com/?" + string.Concat(Enumerable.Range(0, 3000).Select(i => "a" + i + "={" + i + "}&")) + "\"";
            var source = $"using MongoDB.Driver; class C {{ object M() => new MongoClient({concatenation}); object N() => new MongoClient({interpolation}); }}";
            var diagnostics = Analyze(source);
            Assert.Contains(diagnostics, d => d.Id == "MTA001");
        }
    }
}
