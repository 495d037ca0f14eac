using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// The package's one analyzer: every rule of <see cref="RuleCatalog"/> in one host, behind the source screen, so a
    /// type costs one symbol-start action, and a member the screen keeps one block-start action and one dispatching
    /// operation action, whatever the number of rules
    /// (docs/architecture.md "From a syntax node to a diagnostic", docs/performance.md "Shipped shape").
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MongoTlsAnalyzer : MongoAnalyzerHost
    {
        public MongoTlsAnalyzer()
            : this(RuleCatalog.All)
        {
        }

        /// <summary>A host of some rules only: tests verify one rule at a time with it, the benchmark measures rules alone.</summary>
        internal MongoTlsAnalyzer(ImmutableArray<MongoRule> rules)
            : base(rules, SourceScreen.For)
        {
        }
    }
}
