using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Every rule's operation actions, by operation kind, behind the one dispatching action the host registers per
    /// member (<see cref="CompilationRun"/>). For each kind, the actions keep the order in which the rules registered
    /// them, in runs of consecutive actions that share a gate (<see cref="OperationGate"/>): the gate is asked once
    /// per run. On the 300k-line benchmark, each string expression of a kept member met ten rules that each asked
    /// whether it was a URI's root; the question is now asked once (docs/performance.md "One question per operation").
    /// </summary>
    internal sealed class DispatchTable
    {
        private readonly Segment[]?[] _byKind;

        private DispatchTable(Segment[]?[] byKind, ImmutableArray<OperationKind> kinds)
        {
            _byKind = byKind;
            Kinds = kinds;
        }

        /// <summary>The union of the kinds every action was registered for.</summary>
        public ImmutableArray<OperationKind> Kinds { get; }

        public static DispatchTable Build(IEnumerable<(Action<OperationAnalysisContext> Action, ImmutableArray<OperationKind> Kinds, OperationGate? Gate)> actions)
        {
            var byKind = new Dictionary<OperationKind, List<Segment>>();
            var maxKind = 0;
            foreach (var (action, kinds, gate) in actions)
            {
                foreach (var kind in kinds)
                {
                    if (!byKind.TryGetValue(kind, out var segments))
                    {
                        byKind.Add(kind, segments = new List<Segment>());
                    }

                    if (segments.Count == 0 || segments[segments.Count - 1].Gate != gate)
                    {
                        segments.Add(new Segment(gate));
                    }

                    segments[segments.Count - 1].Actions.Add(action);
                    maxKind = Math.Max(maxKind, (int)kind);
                }
            }

            var table = new Segment[]?[maxKind + 1];
            foreach (var pair in byKind)
            {
                table[(int)pair.Key] = pair.Value.ToArray();
            }

            return new DispatchTable(table, ImmutableArray.CreateRange(byKind.Keys));
        }

        /// <summary>Runs the actions of the operation's kind whose gate, if any, lets it through.</summary>
        public void Dispatch(OperationAnalysisContext context)
        {
            var kind = (int)context.Operation.Kind;
            if (kind >= _byKind.Length || _byKind[kind] is not { } segments)
            {
                return;
            }

            foreach (var segment in segments)
            {
                if (segment.Gate is { } gate && !gate(context.Operation, context.CancellationToken))
                {
                    continue;
                }

                foreach (var action in segment.Actions)
                {
                    action(context);
                }
            }
        }

        private sealed class Segment
        {
            public Segment(OperationGate? gate)
            {
                Gate = gate;
            }

            public OperationGate? Gate { get; }

            public List<Action<OperationAnalysisContext>> Actions { get; } = new List<Action<OperationAnalysisContext>>();
        }
    }
}
