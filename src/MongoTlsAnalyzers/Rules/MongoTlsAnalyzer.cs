using System.Collections.Immutable;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// Every rule of <see cref="RuleCatalog"/> in one host, behind the source screen: what the tests and the benchmark
    /// run. The package ships one host per rule (<c>*Analyzer</c> in this folder) instead, because <c>dotnet format
    /// analyzers --diagnostics A B</c> loses one of two fixes in the same string when one analyzer reports both ids
    /// (docs/performance.md, "Shipped shape").
    /// </summary>
#pragma warning disable RS1001 // Not exported on purpose: the package ships one host per rule.
    public sealed class MongoTlsAnalyzer : MongoAnalyzerHost
    {
        public MongoTlsAnalyzer()
            : this(RuleCatalog.All)
        {
        }

        /// <summary>A host of some rules only: tests verify one rule at a time with it.</summary>
        internal MongoTlsAnalyzer(ImmutableArray<MongoRule> rules)
            : base(rules, SourceScreen.For)
        {
        }
    }
#pragma warning restore RS1001
}
