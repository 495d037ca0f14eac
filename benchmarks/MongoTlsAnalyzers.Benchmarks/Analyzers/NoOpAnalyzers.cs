using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Tls;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// The floor (docs/performance.md): one no-op analyzer with one registration of each kind the product needs, with empty
    /// bodies: a compilation start gated on MongoDB.Driver, a symbol start for every named type that registers one
    /// operation-block start, which registers one operation action over the union of the operation kinds the rules
    /// look at (as <c>CompilationRun.RegisterMemberActions</c> does, so that diagnostics away from the analysed node
    /// stay local in the IDE), a syntax-tree action and a compilation-end action (MTA000's). What it costs is what the
    /// driver charges for the registrations alone, in every type and member. Ours registers only in the types and
    /// members the source screen keeps, so ours is not the floor plus the rules' work: the screen's cost replaces most
    /// of the floor's (docs/performance.md "What half the peer would leave").
    /// </summary>
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every operation kind a rule registers (keep in step with <c>grep -rn RegisterOperationAction src/MongoTlsAnalyzers/Rules</c>).</summary>
        public static readonly ImmutableArray<OperationKind> Kinds = UriSiteLocator.RootKinds
            .Concat(InsecureSettingFinder.Kinds)
            .Concat(new[] { OperationKind.SimpleAssignment, OperationKind.Invocation, OperationKind.ObjectCreation })
            .Distinct()
            .ToImmutableArray();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(new DiagnosticDescriptor(
            "NOOP000", "No-op floor", "Never reported", "Performance", DiagnosticSeverity.Warning, isEnabledByDefault: true));

        /// <summary>The floor, as a set of one.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create() => ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer());

        public override void Initialize(AnalysisContext context)
        {
            // The same configuration as MongoAnalyzerHost.Initialize.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (!start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "MongoDB.Driver"))
                {
                    return;
                }

                Action<OperationAnalysisContext> noOp = static _ => { };
                Action<OperationBlockStartAnalysisContext> blockStart = block => block.RegisterOperationAction(noOp, Kinds);
                start.RegisterSymbolStartAction(symbolStart => symbolStart.RegisterOperationBlockStartAction(blockStart), SymbolKind.NamedType);
                start.RegisterSyntaxTreeAction(static _ => { });
                start.RegisterCompilationEndAction(static _ => { });
            });
        }
    }
}
