using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Benchmarks.References;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// The peer: the NetAnalyzers TLS and certificate rules CA5359 (certificate validation disabled), CA5397
    /// (deprecated SslProtocols), CA5398 (hard-coded SslProtocols) and CA5399 (HttpClient CRL check disabled),
    /// loaded from the Microsoft.CodeAnalysis.NetAnalyzers package restored with this project. Only the
    /// analyzers that support one of those ids are kept; the ids are switched on as warnings because some are
    /// off by default.
    /// </summary>
    public static class PeerAnalyzers
    {
        public static readonly ImmutableArray<string> RuleIds = ImmutableArray.Create("CA5359", "CA5397", "CA5398", "CA5399");

        private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> Loaded = new Lazy<ImmutableArray<DiagnosticAnalyzer>>(Load);

        public static ImmutableArray<DiagnosticAnalyzer> Create() => Loaded.Value;

        /// <summary>The compilation-level switches that turn the peer rules on.</summary>
        public static ImmutableDictionary<string, ReportDiagnostic> DiagnosticOptions { get; } =
            RuleIds.ToImmutableDictionary(id => id, _ => ReportDiagnostic.Warn);

        /// <summary>Where the peer came from, for the report.</summary>
        public static string Describe()
        {
            var analyzers = Create();
            var version = analyzers.IsEmpty ? "?" : analyzers[0].GetType().Assembly.GetName().Version?.ToString() ?? "?";
            return $"Microsoft.CodeAnalysis.NetAnalyzers {version}: " + string.Join(", ", analyzers.Select(a => a.GetType().Name + " (" + string.Join("/", a.SupportedDiagnostics.Select(d => d.Id).Where(RuleIds.Contains)) + ")"));
        }

        private static ImmutableArray<DiagnosticAnalyzer> Load()
        {
            var loader = new LoadFromLoader();
            var analyzers = new List<DiagnosticAnalyzer>();
            foreach (var path in BenchReferences.PeerAnalyzerPaths)
            {
                loader.AddDependencyLocation(path);
            }

            foreach (var path in BenchReferences.PeerAnalyzerPaths)
            {
                var reference = new AnalyzerFileReference(path, loader);
                reference.AnalyzerLoadFailed += (_, e) => throw new InvalidOperationException($"Could not load the peer analyzers from {path}: {e.Message}", e.Exception);
                foreach (var analyzer in reference.GetAnalyzers(LanguageNames.CSharp))
                {
                    if (analyzer.SupportedDiagnostics.Any(d => RuleIds.Contains(d.Id)))
                    {
                        analyzers.Add(analyzer);
                    }
                }
            }

            var covered = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
            var missing = RuleIds.Where(id => !covered.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException("The NetAnalyzers package has no analyzer for " + string.Join(", ", missing) + ".");
            }

            return analyzers.OrderBy(a => a.GetType().Name, StringComparer.Ordinal).ToImmutableArray();
        }

        /// <summary>Loads analyzer assemblies into the default context, where the host's Roslyn is already loaded.</summary>
        private sealed class LoadFromLoader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
