using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Rules;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs one rule, in the package's real host analyzer, over JSON configuration files given as additional files with
    /// markup (<c>{|MTA001:text|}</c> inside the JSON), beside a C# file that uses the driver, and checks exact diagnostics
    /// (file, span, and severity when a test sets one).
    /// </summary>
    internal static class ConfigurationFileVerifier<TRule>
        where TRule : MongoRule, new()
    {
        public const string CodeFile = "using MongoDB.Driver;\nclass Program { static object Client(string uri) => new MongoClient(uri); }\n";

        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAsync((string Path, string Text)[] files, params DiagnosticResult[] expected) =>
            VerifyAsync(files, editorConfig: null, globalConfig: null, DriverVersion.V3, expected);

        public static async Task VerifyAsync((string Path, string Text)[] files, string? editorConfig, string? globalConfig, DriverVersion driver, params DiagnosticResult[] expected)
        {
            var test = new Test
            {
                ReferenceAssemblies = TestDefaults.NoReferenceAssemblies,
                MarkupOptions = MarkupOptions.UseFirstDescriptor,
            };
            test.TestState.Sources.Add(("/0/Program.cs", driver == DriverVersion.None ? "class Program { }\n" : CodeFile));
            test.TestState.AdditionalReferences.AddRange(TestReferences.For(driver));
            foreach (var (path, text) in files)
            {
                test.TestState.AdditionalFiles.Add((path, text));
            }

            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n" + editorConfig + "\n"));
            }

            if (globalConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig + "\n"));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            try
            {
                await test.RunAsync(CancellationToken.None);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Failed against MongoDB.Driver {driver}: {ex.Message}", ex);
            }
        }

        private sealed class Test : CSharpAnalyzerTest<MongoTlsAnalyzer, DefaultVerifier>
        {
            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { TestDefaults.HostOf<TRule>() };
        }
    }
}
