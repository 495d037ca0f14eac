using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// A project is a test project when it sets <c>IsTestProject</c> (made visible to analyzers by the
    /// package's props file) or references xunit, NUnit or MSTest (docs/architecture.md "Test code").
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
            if (globalOptions.TryGetValue("build_property.IsTestProject", out var value)
                && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                foreach (var name in TestFrameworkAssemblies)
                {
                    if (string.Equals(identity.Name, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
