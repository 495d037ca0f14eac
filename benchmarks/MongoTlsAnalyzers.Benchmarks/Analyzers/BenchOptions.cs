using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Benchmarks.Analyzers
{
    /// <summary>
    /// .editorconfig-style options for the analyzed compilations: none by default (every analyzer uses its
    /// defaults, as in a project without an .editorconfig), or the given per-tree values.
    /// </summary>
    public sealed class BenchOptions : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _treeOptions;

        public BenchOptions(IReadOnlyDictionary<string, string>? treeOptions = null, IReadOnlyDictionary<string, string>? globalOptions = null)
        {
            _treeOptions = new DictionaryOptions(treeOptions);
            GlobalOptions = new DictionaryOptions(globalOptions);
        }

        public static AnalyzerOptions Default { get; } = Create();

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public static AnalyzerOptions Create(IReadOnlyDictionary<string, string>? treeOptions = null) =>
            new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty, new BenchOptions(treeOptions));

        /// <summary>No options, with the code base's configuration files as additional files.</summary>
        public static AnalyzerOptions WithAdditionalFiles(System.Collections.Immutable.ImmutableArray<AdditionalText> files) =>
            new AnalyzerOptions(files, new BenchOptions());

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _treeOptions;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _treeOptions;

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public DictionaryOptions(IReadOnlyDictionary<string, string>? values)
            {
                _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                if (values is not null)
                {
                    foreach (var pair in values)
                    {
                        _values[pair.Key] = pair.Value;
                    }
                }
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
