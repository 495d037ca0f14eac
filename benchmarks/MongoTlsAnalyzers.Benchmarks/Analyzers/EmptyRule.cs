using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Rules;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// A rule that registers the rules' operation kinds and does nothing: in our host, it measures what the host costs
    /// without any rule's work (driver types, test-code detection, the source screen, the dispatch), for attribution
    /// (profile --host-only).
    /// </summary>
    internal sealed class EmptyRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = NoOpAnalyzer.Create()[0].SupportedDiagnostics;

        public override void Register(MongoAnalysisSession session) => session.RegisterOperationAction(static _ => { }, NoOpAnalyzer.Kinds);

        /// <summary>Our host with this rule alone.</summary>
        public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Host() =>
            ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new MongoTlsAnalyzer(ImmutableArray.Create<MongoRule>(new EmptyRule())));
    }
}
