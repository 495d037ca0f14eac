using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// An earlier build of our analyzers (<c>--baseline path/to/MongoTlsAnalyzers.dll</c>), measured in the same run as
    /// the current one, for before/after figures on one machine. The assembly has the same name as the current one,
    /// so it is loaded into a load context of its own; Roslyn itself comes from the default context, so both share it.
    /// </summary>
    public static class BaselineAnalyzers
    {
        private static MethodInfo? s_forgetTreeFacts;

        public static ImmutableArray<DiagnosticAnalyzer> Load(string path)
        {
            var assembly = LoadAssembly(path);
            // The baseline keeps its own per-tree facts (its own statics): they are dropped before each run as ours are.
            s_forgetTreeFacts = assembly.GetType("MongoTlsAnalyzers.Screening.TreeFacts")?.GetMethod("ForgetAll", BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public);
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        /// <summary>The baseline assembly, in a load context of its own (the <c>screen</c> mode calls its screen directly).</summary>
        public static Assembly LoadAssembly(string path)
        {
            var fullPath = System.IO.Path.GetFullPath(path);
            return new BaselineLoadContext(fullPath).LoadFromAssemblyPath(fullPath);
        }

        /// <summary>Drops the baseline's per-tree facts, when a baseline is loaded.</summary>
        public static void ForgetTreeFacts() => s_forgetTreeFacts?.Invoke(null, null);

        private sealed class BaselineLoadContext : AssemblyLoadContext
        {
            private readonly string _path;

            public BaselineLoadContext(string path)
                : base("baseline analyzers")
            {
                _path = path;
            }

            // Everything but the baseline assembly itself (Roslyn, the BCL) comes from the default context.
            protected override Assembly? Load(AssemblyName assemblyName) => null;
        }
    }
}
