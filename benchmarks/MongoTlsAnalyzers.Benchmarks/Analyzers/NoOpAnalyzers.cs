using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Infrastructure;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// The floor: one no-op analyzer per rule, each with one descriptor and the same registrations as the rule it
    /// mirrors (compilation start gated on MongoDB.Driver, then the same operation kinds in one action per operation
    /// block, syntax-tree and compilation-end actions), with empty bodies. What it costs is what the driver charges for the actions
    /// alone; our rules' cost above it is the work they do.
    /// </summary>
    /// <remarks>
    /// Keep <see cref="Mirrors"/> in sync with the Register* calls in src/MongoTlsAnalyzers/Rules/*.cs
    /// (grep -n Register src/MongoTlsAnalyzers/Rules). The conditional registrations there (on SslSettings,
    /// SslStreamSettings, MongoCredential, MongoUrlBuilder) all hold for MongoDB.Driver 3.x, so they are mirrored
    /// unconditionally. <see cref="CheckInSync"/> fails the run when a rule has no mirror.
    /// </remarks>
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<OperationKind> RootKinds = UriSiteLocator.RootKinds;
        private static readonly ImmutableArray<OperationKind> InsecureKinds = InsecureSettingFinder.Kinds;
        private static readonly ImmutableArray<OperationKind> Assignment = ImmutableArray.Create(OperationKind.SimpleAssignment);
        private static readonly ImmutableArray<OperationKind> Calls = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

        /// <summary>Rule type name → the operation-kind groups it registers (one RegisterOperationAction call each; the session registers their union as one action per block), and its tree/end actions.</summary>
        public static readonly IReadOnlyDictionary<string, (ImmutableArray<OperationKind>[] Operations, bool TreeAndEnd)> Mirrors =
            new Dictionary<string, (ImmutableArray<OperationKind>[], bool)>
            {
                ["InvalidOptionAnalyzer"] = (Array.Empty<ImmutableArray<OperationKind>>(), true), // MTA000
                ["HardCodedCredentialsAnalyzer"] = (new[] { RootKinds, Calls, Assignment }, false), // MTA001
                ["HardCodedConnectionStringAnalyzer"] = (new[] { RootKinds }, false), // MTA002
                ["CertificateValidationDisabledAnalyzer"] = (new[] { InsecureKinds }, false), // MTA003
                ["InsecureTlsFromConfigurationAnalyzer"] = (new[] { InsecureKinds }, false), // MTA004
                ["IgnoredOptionAnalyzer"] = (new[] { RootKinds }, false), // MTA005
                ["CaConfigurationAnalyzer"] = (new[] { RootKinds, Assignment, Calls }, false), // MTA006
                ["TimeoutAnalyzer"] = (new[] { RootKinds, Assignment }, false), // MTA007
                ["TimeoutUnitAnalyzer"] = (new[] { RootKinds, Assignment }, false), // MTA008
                ["TlsSettingsWithoutTlsAnalyzer"] = (new[] { InsecureKinds, RootKinds, Assignment }, false), // MTA009
                ["LegacyTlsProtocolsAnalyzer"] = (new[] { Assignment, Calls }, false), // MTA010
            };

        private readonly ImmutableArray<OperationKind>[] _operations;
        private readonly bool _treeAndEnd;

        public NoOpAnalyzer(string mirrors, int index)
        {
            Mirrored = mirrors;
            (_operations, _treeAndEnd) = Mirrors[mirrors];
            SupportedDiagnostics = ImmutableArray.Create(new DiagnosticDescriptor(
                "NOOP" + index.ToString("000", System.Globalization.CultureInfo.InvariantCulture),
                "No-op mirror of " + mirrors,
                "Never reported",
                "Performance",
                DiagnosticSeverity.Warning,
                isEnabledByDefault: true));
        }

        /// <summary>The rule type this analyzer mirrors.</summary>
        public string Mirrored { get; }

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>One no-op analyzer per entry of <see cref="Mirrors"/>.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create() =>
            Mirrors.Keys.Select((name, i) => (DiagnosticAnalyzer)new NoOpAnalyzer(name, i)).ToImmutableArray();

        /// <summary>Throws when one of <paramref name="ours"/> has no mirror (a rule was added without updating the floor).</summary>
        public static void CheckInSync(IEnumerable<DiagnosticAnalyzer> ours)
        {
            var missing = ours.Select(a => a.GetType().Name).Where(n => !Mirrors.ContainsKey(n)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException("NoOpAnalyzer.Mirrors has no entry for " + string.Join(", ", missing) + "; mirror its Register* calls.");
            }
        }

        public override void Initialize(AnalysisContext context)
        {
            // The same configuration as MongoAnalyzer.Initialize.
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                if (!start.Compilation.ReferencedAssemblyNames.Any(a => a.Name == "MongoDB.Driver"))
                {
                    return;
                }

                // As MongoAnalysisSession.RegisterBlockActions: one action per operation block (so that diagnostics
                // away from the analysed node stay local in the IDE), over the union of the rule's operation kinds.
                if (_operations.Length > 0)
                {
                    var allKinds = _operations.SelectMany(k => k).Distinct().ToImmutableArray();
                    Action<OperationAnalysisContext> noOp = static _ => { };
                    start.RegisterOperationBlockStartAction(block => block.RegisterOperationAction(noOp, allKinds));
                }

                if (_treeAndEnd)
                {
                    start.RegisterSyntaxTreeAction(static _ => { });
                    start.RegisterCompilationEndAction(static _ => { });
                }
            });
        }
    }
}
