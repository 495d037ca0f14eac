using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Malformed URIs, half-typed code, null and empty literals, huge literals and many sinks: no analyzer
    /// may throw (AD0001), flood diagnostics, or run away. <see cref="HangGuard"/> cancels work that hangs (after
    /// minutes) and fails it as hung; elapsed time is never part of a verdict (speed is measured in benchmarks/).
    /// </summary>
    public sealed class BadInputTests
    {
        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();

        private static ImmutableArray<Diagnostic> Analyze(string source, DriverVersion driver = DriverVersion.V3) =>
            HangGuard.Run("analysis", cancellationToken =>
            {
                var compilation = AnalyzerRunner.Compile(new[] { source }, driver);
                return AnalyzerRunner.Run(compilation, Analyzers, cancellationToken: cancellationToken)
                    .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                    .ToImmutableArray();
            });

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

        /// <summary>MTA011's bad input: user info with every reserved character, and a 1 MB password full of '@'.</summary>
        [Theory]
        [InlineData("!#$&'()*+,/:;=?@[]% ")]
        [InlineData("@@@@:::///%%%")]
        [InlineData("")]
        public void UserInfoWithReservedCharactersNeverThrows(string reserved)
        {
            var literal = "mongodb://us" + reserved + "er:pa" + reserved + "ss@db.example.com/app?tls=true";
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"" + literal.Replace("\\", "\\\\") + "\"); object N() => new MongoUrl(\"" + literal + "\"); }";
            Analyze(source, DriverVersion.V3);
            Analyze(source, DriverVersion.V2);
        }

        [Fact]
        public void AMegabytePasswordFullOfAtSignsGivesOneRejection()
        {
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://admin:" + string.Concat(Enumerable.Repeat("S3@", 350_000)) + "@db.example.com\"); }";
            var diagnostics = Analyze(source);
            Assert.Single(diagnostics, d => d.Id == "MTA011");
            Assert.All(diagnostics, d => Assert.DoesNotContain("S3@", d.GetMessage(), StringComparison.Ordinal));
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

        // Found by MutationTests: reporting each of thousands of options mapped the option back to the source by walking
        // the literal from its start (LiteralSourceMap), and asked the URI's TLS state once per option (InsecureSettings).
        // Before the fix this took over 30 s; now a few seconds on two busy cores (benchmarks/ measures it; here only a hang fails).
        [Fact]
        public void AUriRepeatingAnInsecureOptionTwentyThousandTimesIsAnalyzedQuickly()
        {
            var options = string.Join("&", Enumerable.Repeat("tlsInsecure=true", 20_000).Concat(Enumerable.Repeat("tlsCAFile=/ca.pem", 5_000)));
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://db.example.com/?" + options + "\"); }";
            var diagnostics = Analyze(source);

            // TLS is off, so each tlsInsecure=true is MTA009, underlined exactly.
            var tlsOff = diagnostics.Where(d => d.Id == "MTA009").ToList();
            Assert.Equal(20_000, tlsOff.Count);
            Assert.All(tlsOff, d => Assert.Equal("tlsInsecure=true", source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)));
            Assert.Equal(5_000, diagnostics.Count(d => d.Id == "MTA006"));
        }

        // Found by MutationTests: Fix All rebuilt (and re-escaped) the whole literal once per diagnostic, twice (and the CA
        // fix once more); with 10,000 options in one URI that took 30-65 s, without observing cancellation. Now well under 1 s
        // (only a hang fails here).
        [Theory]
        [InlineData("tlsInsecure=true", nameof(InsecureSettingFixer), InsecureSettingFixer.RemoveKey)]
        [InlineData("tlsCAFile=/ca.pem", nameof(CaConfigurationFixer), CaConfigurationFixer.TrustKey)]
        public async Task FixAllOnAUriWithTenThousandFlaggedOptionsIsQuick(string option, string fixerName, string equivalenceKey)
        {
            var uri = "mongodb://db.example.com/?tls=true&" + string.Join("&", Enumerable.Repeat(option, 10_000));
            var source = "using MongoDB.Driver;\nclass C\n{\n    object M() => new MongoClient(\"" + uri + "\");\n}\n";
            var document = CodeFixRunner.CreateDocument(source, TestReferences.For(DriverVersion.V3));
            var diagnostics = AnalyzerRunner.Run((await document.Project.GetCompilationAsync())!, Analyzers)
                .Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal))
                .ToImmutableArray();
            var fixer = CodeFixRunner.AllFixers.Single(f => f.GetType().Name == fixerName);
            Assert.Equal(10_000, diagnostics.Count(d => fixer.FixableDiagnosticIds.Contains(d.Id)));

            var fixedText = await HangGuard.RunAsync("Fix All", cancellationToken => CodeFixRunner.ApplyFixAllAsync(fixer, equivalenceKey, document, diagnostics, cancellationToken));
            Assert.NotNull(fixedText);
            if (fixer is InsecureSettingFixer)
            {
                Assert.Contains("new MongoClient(\"mongodb://db.example.com/?tls=true\")", fixedText, StringComparison.Ordinal);
            }
            else
            {
                // One call, so one rewrite: the first tlsCAFile moves into a validator, the rest stay (and stay reported).
                Assert.Contains("FromConnectionString(\"mongodb://db.example.com/?tls=true&" + option, fixedText, StringComparison.Ordinal);
            }
        }
    }
}
