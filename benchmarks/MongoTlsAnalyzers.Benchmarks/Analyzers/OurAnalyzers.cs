using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Infrastructure;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>Every MongoTlsAnalyzers rule, instantiated the way the compiler does (public, [DiagnosticAnalyzer]).</summary>
    public static class OurAnalyzers
    {
        public static ImmutableArray<DiagnosticAnalyzer> Create() =>
            typeof(MongoAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
                    && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => FirstId(t), StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();

        /// <summary>The analyzer's first diagnostic id and type name, e.g. "MTA003 CertificateValidationDisabledAnalyzer".</summary>
        public static string Label(DiagnosticAnalyzer analyzer) =>
            string.Join("/", analyzer.SupportedDiagnostics.Select(d => d.Id)) + " " + analyzer.GetType().Name;

        private static string FirstId(Type type) =>
            ((DiagnosticAnalyzer)Activator.CreateInstance(type)!).SupportedDiagnostics.Select(d => d.Id).DefaultIfEmpty(type.Name).First();
    }
}
