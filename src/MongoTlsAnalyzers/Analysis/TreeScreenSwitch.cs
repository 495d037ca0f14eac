using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Whether a file's .editorconfig leaves the source screen on. Asked only for a type the screen rules out: the
    /// options of a file are one lookup in the compiler's per-file table, and what they say is read once per set of
    /// options (<see cref="MongoTlsOptionsReader"/>), so no table of its own is kept (one of 3,064 entries a
    /// compilation on the benchmark, which allocated a node per file).
    /// </summary>
    internal sealed class TreeScreenSwitch
    {
        private readonly AnalyzerOptions _options;

        public TreeScreenSwitch(AnalyzerOptions options)
        {
            _options = options;
        }

        public bool IsOn(SyntaxTree tree) => MongoTlsOptionsReader.Get(_options, tree).SourceScreen;
    }
}
