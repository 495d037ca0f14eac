using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// The package's one <see cref="DiagnosticAnalyzer"/>: every rule of <see cref="RuleCatalog"/>, behind the
    /// source screen.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
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
}
