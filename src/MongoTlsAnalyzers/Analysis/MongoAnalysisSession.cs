using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// One rule's view of one compilation: the shared model, options, test-code scope, the operation actions it
    /// registers (run by the host's one dispatching action per member), and a record of what has been reported, so
    /// that a literal used by several sinks is reported once.
    /// </summary>
    internal sealed class MongoAnalysisSession
    {
        private readonly CompilationRun _run;
        private readonly bool _silentInTestCode;

#pragma warning disable RS1012 // The session hands 'start' to the rule, which registers its other actions on it.
        internal MongoAnalysisSession(CompilationStartAnalysisContext start, MongoCompilationModel model, CompilationRun run, MongoRule rule)
#pragma warning restore RS1012
        {
            Start = start;
            Model = model;
            _run = run;
            _silentInTestCode = run.MayHaveTestCode && AllSilentInTestCode(rule.SupportedDiagnostics);
        }

        /// <summary>For registrations other than operations (MTA000's syntax-tree and compilation-end actions).</summary>
        public CompilationStartAnalysisContext Start { get; }

        public MongoCompilationModel Model { get; }

        public DriverTypes Types => Model.Types;

        public MongoTlsOptions GetOptions(SyntaxTree tree) => MongoTlsOptionsReader.Get(Start.Options, tree);

        /// <summary>
        /// Registers an operation action, run inside each operation block. Rules report some diagnostics away from the
        /// operation they analyse (a password in a local's initializer, found from the connection string that uses
        /// it). The IDE keeps only diagnostics that are "local" to what it analyses: for an action registered on the
        /// compilation, that is the callback's own node; for one registered in an operation block, the whole member.
        /// So the host registers per block, which keeps such diagnostics visible in the editor, not only in the build.
        /// </summary>
        public void RegisterOperationAction(Action<OperationAnalysisContext> action, params OperationKind[] kinds) =>
            RegisterOperationAction(action, ImmutableArray.Create(kinds));

        /// <summary>Registers an operation action behind <paramref name="gate"/> (see the overload with the gate last).</summary>
        public void RegisterOperationAction(Action<OperationAnalysisContext> action, OperationGate gate, params OperationKind[] kinds) =>
            RegisterOperationAction(action, ImmutableArray.Create(kinds), gate);

        public void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds) =>
            RegisterOperationAction(action, kinds, gate: null);

        /// <summary>
        /// Registers an operation action that runs only when <paramref name="gate"/> says yes; the host asks a gate
        /// once per operation for every rule that registered with it (the URI locator's <c>RootGate</c>, say).
        /// </summary>
        public void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds, OperationGate? gate)
        {
            if (_silentInTestCode)
            {
                // docs/architecture.md "Test code", applied here for every rule (Descriptors/TestCodeScope).
                var inner = action;
                action = context =>
                {
                    if (!IsTestCode(context.Operation) || GetOptions(context.Operation.Syntax.SyntaxTree).AnalyzeTestProjects)
                    {
                        inner(context);
                    }
                };
            }

            _run.Add(action, kinds, gate);
        }

        /// <summary>
        /// True when <paramref name="operation"/> stands in test code: a test project, or a test file of a packable
        /// project (docs/architecture.md "Test code"). MTA001 asks it to judge fixture hosts.
        /// </summary>
        public bool IsTestCode(IOperation operation) =>
            _run.IsTestProject || (_run.MayHaveTestCode && operation.SemanticModel is { } model && _run.IsTestCode(model));

        /// <summary>
        /// Reports <paramref name="diagnostic"/>, found while analysing <paramref name="context"/>'s operation, unless
        /// the same rule already reported at the same place.
        /// </summary>
        public void Report(OperationAnalysisContext context, Diagnostic diagnostic) =>
            _run.Report(context.ReportDiagnostic, diagnostic, context.Operation.Syntax.SyntaxTree);

        private static bool AllSilentInTestCode(ImmutableArray<DiagnosticDescriptor> descriptors)
        {
            foreach (var descriptor in descriptors)
            {
                if (!TestCodeScope.IsSilentInTestCode(descriptor.Id))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
