using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Whether a file's .editorconfig leaves the source screen on. Asked for most members of the compilation, and the
    /// options lookup per tree is not free, so the last file's answer is kept: a file's blocks come one after
    /// another. Racing threads only repeat a lookup; each answer is an immutable pair.
    /// </summary>
    internal sealed class TreeScreenSwitch
    {
        private readonly AnalyzerOptions _options;
        private Answer? _last;

        public TreeScreenSwitch(AnalyzerOptions options)
        {
            _options = options;
        }

        public bool IsOn(SyntaxTree tree)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && last.Tree == tree)
            {
                return last.On;
            }

            var on = MongoTlsOptionsReader.Get(_options, tree).SourceScreen;
            Volatile.Write(ref _last, new Answer(tree, on));
            return on;
        }

        private sealed class Answer
        {
            public Answer(SyntaxTree tree, bool on)
            {
                Tree = tree;
                On = on;
            }

            public SyntaxTree Tree { get; }

            public bool On { get; }
        }
    }
}
