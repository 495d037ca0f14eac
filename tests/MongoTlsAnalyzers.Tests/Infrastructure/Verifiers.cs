using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Rules;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>What a test compilation looks like, beyond its source.</summary>
    public sealed class TestOptions
    {
        /// <summary>The driver lines to run against; both by default.</summary>
        public DriverVersion[] Drivers { get; init; } = { DriverVersion.V3, DriverVersion.V2 };

        /// <summary>Body of an .editorconfig applied to every C# file (without the section header).</summary>
        public string? EditorConfig { get; init; }

        /// <summary>Body of a global analyzer config (build properties), without <c>is_global</c>.</summary>
        public string? GlobalConfig { get; init; }

        public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

        /// <summary>More source files, as (file name, text).</summary>
        public (string Name, string Text)[] AdditionalSources { get; init; } = Array.Empty<(string, string)>();

        /// <summary>The additional source files after the fix, when the fix changes them too; otherwise they stay as they were.</summary>
        public (string Name, string Text)[]? FixedAdditionalSources { get; init; }

        /// <summary>Whether the compilation references the runtime helper (MongoTlsAnalyzers.Settings; driver 3.x only).</summary>
        public bool ReferenceHelper { get; init; }

        /// <summary>Preprocessor symbols such as DEBUG.</summary>
        public string[] PreprocessorSymbols { get; init; } = Array.Empty<string>();

        public static TestOptions Default { get; } = new TestOptions();

        internal void Apply(SolutionState state, DriverVersion driver, bool isFixedState = false)
        {
            state.AdditionalReferences.AddRange(TestReferences.For(driver));
            if (ReferenceHelper)
            {
                state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(MongoTlsAnalyzers.Settings.CustomCaCertificateValidator).Assembly.Location));
            }

            state.OutputKind = OutputKind;
            foreach (var (name, text) in isFixedState && FixedAdditionalSources is not null ? FixedAdditionalSources : AdditionalSources)
            {
                state.Sources.Add((name, text));
            }

            if (EditorConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + EditorConfig + "\n"));
            }

            if (GlobalConfig is not null)
            {
                state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + GlobalConfig + "\n"));
            }
        }
    }

    internal static class TestDefaults
    {
        /// <summary>No reference-assembly package: everything comes from <see cref="TestReferences"/>.</summary>
        public static readonly ReferenceAssemblies NoReferenceAssemblies = new ReferenceAssemblies("net10.0");

        /// <summary>The package's host analyzer running only <typeparamref name="TRule"/>.</summary>
        public static DiagnosticAnalyzer HostOf<TRule>()
            where TRule : MongoRule, new() => new MongoTlsAnalyzer(ImmutableArray.Create<MongoRule>(new TRule()));

        public static CSharpParseOptions ParseOptions(TestOptions options) =>
            new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: options.PreprocessorSymbols);
    }

    /// <summary>
    /// Runs one rule, in the package's real host analyzer, on source with markup (<c>{|MTA001:text|}</c>) and checks
    /// exact diagnostics.
    /// </summary>
    internal static class AnalyzerVerifier<TRule>
        where TRule : MongoRule, new()
    {
        /// <summary>An expected diagnostic with the descriptor's default severity.</summary>
        public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

        public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, TestOptions.Default, expected);

        public static async Task VerifyAsync(string source, TestOptions options, params DiagnosticResult[] expected)
        {
            foreach (var driver in options.Drivers)
            {
                var test = new Test(options)
                {
                    TestCode = source,
                    ReferenceAssemblies = TestDefaults.NoReferenceAssemblies,

                    // A rule with several wordings has several descriptors of one id; markup means the id.
                    MarkupOptions = MarkupOptions.UseFirstDescriptor,
                };
                options.Apply(test.TestState, driver);
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
        }

        private sealed class Test : CSharpAnalyzerTest<MongoTlsAnalyzer, DefaultVerifier>
        {
            private readonly TestOptions _options;

            public Test(TestOptions options)
            {
                _options = options;
            }

            protected override ParseOptions CreateParseOptions() => TestDefaults.ParseOptions(_options);

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { TestDefaults.HostOf<TRule>() };
        }
    }

    /// <summary>Runs one rule and a code fix, compares the fixed code text-for-text, and checks that it compiles.</summary>
    internal static class CodeFixVerifier<TRule, TCodeFix>
        where TRule : MongoRule, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static Task VerifyAsync(string source, string fixedSource, string? equivalenceKey = null, TestOptions? options = null, int? fixAllIterations = null)
            => VerifyAsync(source, fixedSource, equivalenceKey, options, fixAllIterations, Array.Empty<DiagnosticResult>(), Array.Empty<DiagnosticResult>());

        public static async Task VerifyAsync(
            string source,
            string fixedSource,
            string? equivalenceKey,
            TestOptions? options,
            int? fixAllIterations,
            DiagnosticResult[] expected,
            DiagnosticResult[] remaining)
        {
            options ??= TestOptions.Default;
            foreach (var driver in options.Drivers)
            {
                var test = new Test(options)
                {
                    TestCode = source,
                    FixedCode = fixedSource,
                    CodeActionEquivalenceKey = equivalenceKey,
                    ReferenceAssemblies = TestDefaults.NoReferenceAssemblies,

                    // A rule with several wordings has several descriptors of one id; markup means the id.
                    MarkupOptions = MarkupOptions.UseFirstDescriptor,
                };
                if (fixAllIterations is int iterations)
                {
                    test.NumberOfFixAllIterations = iterations;
                }

                options.Apply(test.TestState, driver);
                options.Apply(test.FixedState, driver, isFixedState: true);
                test.ExpectedDiagnostics.AddRange(expected);
                test.FixedState.ExpectedDiagnostics.AddRange(remaining);
                try
                {
                    await test.RunAsync(CancellationToken.None);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException($"Failed against MongoDB.Driver {driver}: {ex.Message}", ex);
                }
            }
        }

        private sealed class Test : CSharpCodeFixTest<MongoTlsAnalyzer, TCodeFix, DefaultVerifier>
        {
            private readonly TestOptions _options;

            public Test(TestOptions options)
            {
                _options = options;
            }

            protected override ParseOptions CreateParseOptions() => TestDefaults.ParseOptions(_options);

            protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new[] { TestDefaults.HostOf<TRule>() };
        }
    }
}
