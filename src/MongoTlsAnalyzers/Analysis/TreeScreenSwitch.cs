using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Whether a file's .editorconfig leaves the source screen on. Asked for most members of the compilation, and the
    /// options lookup per tree is not free, so each file's answer is kept.
    /// </summary>
    internal sealed class TreeScreenSwitch
    {
        private readonly ConcurrentDictionary<SyntaxTree, bool> _byTree = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly Func<SyntaxTree, bool> _read;

        public TreeScreenSwitch(AnalyzerOptions options)
        {
            _read = tree => MongoTlsOptionsReader.Get(options, tree).SourceScreen;
        }

        public bool IsOn(SyntaxTree tree) => _byTree.GetOrAdd(tree, _read);
    }
}
