using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Rules;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>The package's analyzer as the compiler loads it, and hosts of one rule each for attribution.</summary>
    public static class OurAnalyzers
    {
        /// <summary>What a build runs: the analyzers the package ships (one host, every rule).</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Create() =>
            typeof(MongoTlsAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.Name, System.StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)System.Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>One host per rule (micro-benchmarks and --solo): each pays alone for the model it needs.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> PerRule() =>
            RuleCatalog.All.Select(rule => (DiagnosticAnalyzer)new MongoTlsAnalyzer(ImmutableArray.Create(rule))).ToImmutableArray();

        /// <summary>The analyzer's diagnostic ids, e.g. "MTA003 host" or "MTA000/…/MTA010 host".</summary>
        public static string Label(DiagnosticAnalyzer analyzer) =>
            string.Join("/", analyzer.SupportedDiagnostics.Select(d => d.Id).Distinct()) + " " + analyzer.GetType().Name;
    }
}
