using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Whether a whole project is test code (docs/architecture.md "Test code"): it is not packable, and it sets
    /// <c>IsTestProject</c> or references xunit, NUnit or MSTest. Both properties are made visible to analyzers by the
    /// package's props file. A packable library that references a test framework ships its code, so it is not a test
    /// project; its test files are found one by one (<see cref="TestFileDetector"/>).
    /// </summary>
    internal static class TestProjectDetector
    {
        private static readonly string[] TestFrameworkAssemblies =
        {
            "xunit.core",
            "xunit.assert",
            "xunit.v3.core",
            "xunit.v3.assert",
            "nunit.framework",
            "Microsoft.VisualStudio.TestPlatform.TestFramework",
            "MSTest.TestFramework",
        };

        public static bool IsTestProject(Compilation compilation, AnalyzerConfigOptions globalOptions)
        {
            // A packable project ships its code, whatever else it says: xunit.core's props set IsTestProject to true in
            // every project that references xunit, including a library that carries its tests beside its code, and such
            // a library must then set IsPackable itself (the SDK defaults it to false once IsTestProject is true).
            if (IsTrue(globalOptions, "build_property.IsPackable"))
            {
                return false;
            }

            // A project that does not tell (a build without the package's props) keeps the framework rule.
            return IsTrue(globalOptions, "build_property.IsTestProject") || ReferencesTestFramework(compilation);
        }

        public static bool ReferencesTestFramework(Compilation compilation)
        {
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (IsTestFrameworkAssembly(identity.Name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for the assemblies of xunit, NUnit and MSTest, where their test attributes live.</summary>
        public static bool IsTestFrameworkAssembly(string assemblyName)
        {
            foreach (var name in TestFrameworkAssemblies)
            {
                if (string.Equals(assemblyName, name, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsTrue(AnalyzerConfigOptions options, string key) =>
            options.TryGetValue(key, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
