using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// The one analyzer that runs every rule: it skips generated code, runs concurrently, and registers the rules'
    /// actions only when the compilation references MongoDB.Driver (docs/architecture.md "The house"). One host, not one
    /// analyzer per rule, because Roslyn's fixed cost per member grows with the number of analyzers and of their
    /// registrations (docs/performance.md).
    /// </summary>
    public abstract class MongoAnalyzerHost : DiagnosticAnalyzer
    {
        private readonly ImmutableArray<MongoRule> _rules;
        private readonly Func<MongoCompilationModel, IMemberScreen>? _screen;

        internal MongoAnalyzerHost(ImmutableArray<MongoRule> rules, Func<MongoCompilationModel, IMemberScreen>? screen)
        {
            _rules = rules;
            _screen = screen;
            var descriptors = new List<DiagnosticDescriptor>();
            foreach (var rule in rules)
            {
                descriptors.AddRange(rule.SupportedDiagnostics);
            }

            SupportedDiagnostics = descriptors.ToImmutableArray();
        }

        public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        public sealed override void Initialize(AnalysisContext context)
        {
            // Generated code is not analysed (no Analyze flag), and the driver is told not to check where each
            // diagnostic lands (ReportDiagnostics): that check reads every token of each file that gets a diagnostic,
            // about a tenth of our time on the benchmark (docs/performance.md "Generated code"). The rules report in
            // the member they analyse, and CompilationRun drops what lands in another file that is generated.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.EnableConcurrentExecution();
            // RS1012 cannot see that the rules and the run register the actions on 'start'.
#pragma warning disable RS1012 // Start action has no registered actions
            context.RegisterCompilationStartAction(start =>
            {
                var model = MongoCompilationModel.TryGet(start.Compilation);
                if (model is null)
                {
                    return;
                }

                var run = new CompilationRun(
                    TestProjectDetector.IsTestProject(start.Compilation, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions),
                    TestFileDetector.TryCreate(start.Compilation),
                    new GeneratedFiles(start.Compilation));
                foreach (var rule in _rules)
                {
                    rule.Register(new MongoAnalysisSession(start, model, run, rule));
                }

                run.RegisterMemberActions(start, _screen?.Invoke(model));
                ConfigurationFileRun.Register(start, model, run, _rules);
            });
#pragma warning restore RS1012
        }
    }
}
