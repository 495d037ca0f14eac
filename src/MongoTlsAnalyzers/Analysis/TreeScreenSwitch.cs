using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Whether a file's .editorconfig leaves the source screen on. Asked for most members of the compilation, and the
    /// options lookup per tree is not free, so each file's answer is kept, and the last one first: a file's blocks
    /// mostly come one after another. Racing threads only repeat a lookup; each answer is an immutable pair.
    /// </summary>
    internal sealed class TreeScreenSwitch
    {
        private readonly AnalyzerOptions _options;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _byTree = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly Func<SyntaxTree, bool> _read;
        private Answer? _last;

        public TreeScreenSwitch(AnalyzerOptions options)
        {
            _options = options;
            _read = tree => MongoTlsOptionsReader.Get(_options, tree).SourceScreen;
        }

        public bool IsOn(SyntaxTree tree)
        {
            var last = Volatile.Read(ref _last);
            if (last is not null && last.Tree == tree)
            {
                return last.On;
            }

            var on = _byTree.GetOrAdd(tree, _read);
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
