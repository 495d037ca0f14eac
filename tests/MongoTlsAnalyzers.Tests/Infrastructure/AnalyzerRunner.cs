using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Runs analyzers directly through <see cref="CompilationWithAnalyzers"/>, for tests that read rendered
    /// messages or feed many generated inputs. Analyzer exceptions are turned into test failures.
    /// </summary>
    public static class AnalyzerRunner
    {
        private static readonly Regex MarkupOpen = new Regex(@"\{\|[^:|]*:", RegexOptions.Compiled, HangGuard.Deadline);

        /// <summary>Removes {|ID:...|} markup from test sources.</summary>
        public static string StripMarkup(string source) => MarkupOpen.Replace(source, string.Empty).Replace("|}", string.Empty);

        public static CSharpCompilation Compile(IEnumerable<string> sources, DriverVersion driver, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, string[]? preprocessorSymbols = null)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: preprocessorSymbols);
            var trees = sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/0/Test{i}.cs")).ToArray();
            return CSharpCompilation.Create(
                "TestProject",
                trees,
                TestReferences.For(driver),
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>Runs the analyzers and returns their diagnostics; fails on any analyzer exception.</summary>
        public static ImmutableArray<Diagnostic> Run(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            string? editorConfig = null,
            string? globalConfig = null,
            bool concurrent = true,
            CancellationToken cancellationToken = default,
            ImmutableArray<AdditionalText> additionalFiles = default)
        {
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles, new ConfigOptionsProvider(Parse(editorConfig), Parse(globalConfig))),
                onAnalyzerException: (exception, analyzer, diagnostic) => { lock (exceptions) { exceptions.Add(analyzer + ": " + exception); } },
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
            var ad0001 = diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()).ToList();
            if (exceptions.Count > 0 || ad0001.Count > 0)
            {
                throw new InvalidOperationException("Analyzer exception: " + string.Join(Environment.NewLine, exceptions.Concat(ad0001)));
            }

            return diagnostics;
        }

        /// <summary>The rendered messages of one analyzer over several (source, optional second file) cases.</summary>
        internal static List<string> Messages<TRule>(IEnumerable<(string Source, string? OtherFile)> cases, DriverVersion driver = DriverVersion.V3)
            where TRule : MongoTlsAnalyzers.Analysis.MongoRule, new()
        {
            var messages = new List<string>();
            foreach (var (source, other) in cases)
            {
                var sources = other is null ? new[] { StripMarkup(source) } : new[] { StripMarkup(source), StripMarkup(other) };
                var diagnostics = Run(Compile(sources, driver), ImmutableArray.Create(TestDefaults.HostOf<TRule>()));
                messages.AddRange(diagnostics.Select(d => d.GetMessage()));
            }

            return messages;
        }

        private static Dictionary<string, string> Parse(string? config)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (config is null)
            {
                return values;
            }

            foreach (var line in config.Split('\n'))
            {
                var equals = line.IndexOf('=');
                if (equals > 0)
                {
                    values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }

            return values;
        }

        private sealed class ConfigOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly DictionaryOptions _treeOptions;

            public ConfigOptionsProvider(Dictionary<string, string> treeOptions, Dictionary<string, string> globalOptions)
            {
                _treeOptions = new DictionaryOptions(treeOptions);
                GlobalOptions = new DictionaryOptions(globalOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _treeOptions;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _treeOptions;
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(Dictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
