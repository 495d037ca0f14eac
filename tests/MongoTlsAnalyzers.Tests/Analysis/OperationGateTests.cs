using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit;

namespace MongoTlsAnalyzers.Tests.Analysis
{
    /// <summary>
    /// The host runs the actions registered behind one gate only where it says yes, asks it once per operation for all
    /// of them, and keeps the order in which the rules registered; the driver gate lets through exactly the writes,
    /// calls and creations that touch a driver type.
    /// </summary>
    public sealed class OperationGateTests
    {
        [Fact]
        public void GatedActionsRunWhereTheirGateSaysYesInRegistrationOrderWithOneQuestionPerOperation()
        {
            var source = /* lang=c#-test */ """
                public static class C
                {
                    public static string M() => "mongodb://h/" + "a" + "b";
                }
                """;
            var compilation = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3);
            var events = new ConcurrentQueue<string>();
            var asked = 0;
            OperationGate gate = (operation, _) =>
            {
                Interlocked.Increment(ref asked);
                return operation.ConstantValue.Value is string text && text.StartsWith("mongodb", StringComparison.Ordinal);
            };
            var rules = ImmutableArray.Create<MongoRule>(
                new GatedRule("first", events, gate),
                new GatedRule("second", events, gate),
                new GatedRule("ungated", events, gate: null));
            AnalyzerRunner.Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MongoTlsAnalyzer(rules)));

            // Three literals: the gate is asked three times, not six; the ungated rule sees every literal.
            Assert.Equal(3, asked);
            Assert.Equal(
                new[] { "first \"mongodb://h/\"", "second \"mongodb://h/\"", "ungated \"mongodb://h/\"", "ungated \"a\"", "ungated \"b\"" },
                events.ToArray());
        }

        [Fact]
        public void TheDriverGateLetsThroughWritesCallsAndCreationsOfDriverTypesOnly()
        {
            var source = /* lang=c#-test */ """
                using System.Text;
                using MongoDB.Driver;

                public static class C
                {
                    public static MongoClient M(string uri)
                    {
                        var settings = MongoClientSettings.FromConnectionString(uri);
                        settings.UseTls = true;
                        var local = 1;
                        local = 2;
                        var text = new StringBuilder().Append(uri).ToString();
                        return new MongoClient(settings);
                    }
                }
                """;
            var compilation = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3);
            var types = DriverTypes.TryResolve(compilation)!;
            var tree = compilation.SyntaxTrees.Single();
            var model = compilation.GetSemanticModel(tree);
            var operations = tree.GetRoot().DescendantNodes()
                .Select(node => model.GetOperation(node))
                .Where(operation => operation is ISimpleAssignmentOperation or IInvocationOperation or IObjectCreationOperation)
                .Distinct()
                .Select(operation => (operation!.Syntax.ToString(), types.MemberUseGate(operation, CancellationToken.None)))
                .ToArray();
            Assert.Equal(
                new[]
                {
                    ("MongoClientSettings.FromConnectionString(uri)", true),
                    ("settings.UseTls = true", true),
                    ("local = 2", false),
                    ("new StringBuilder().Append(uri).ToString()", false),
                    ("new StringBuilder().Append(uri)", false),
                    ("new StringBuilder()", false),
                    ("new MongoClient(settings)", true),
                },
                operations);
        }

        private sealed class GatedRule : MongoRule
        {
            private readonly string _name;
            private readonly ConcurrentQueue<string> _events;
            private readonly OperationGate? _gate;

            public GatedRule(string name, ConcurrentQueue<string> events, OperationGate? gate)
            {
                _name = name;
                _events = events;
                _gate = gate;
            }

            // The driver runs no analyzer without a diagnostic it could report.
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
                new DiagnosticDescriptor("GATE001", "Recorded", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

            public override void Register(MongoAnalysisSession session) => session.RegisterOperationAction(
                context => _events.Enqueue(_name + " " + context.Operation.Syntax),
                ImmutableArray.Create(OperationKind.Literal),
                _gate);
        }
    }
}
