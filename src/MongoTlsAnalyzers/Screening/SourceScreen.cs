using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// Decides, per file, whether the rules need to look at it at all: most files of a large code base never mention
    /// MongoDB, and skipping them is what keeps the analyzers near the cost of registering their actions.
    /// <para>
    /// A file is analysed when it holds a trigger word (<see cref="TriggerWords"/>), or when it names a field or
    /// local whose value can lead with a MongoDB scheme: a URI folded from <c>Db.Scheme + "host"</c> in a file that
    /// says nothing else about MongoDB. Those names are found once per compilation, from the scheme's words in string
    /// literals, through the fields and locals they initialise or are assigned to, then the fields those names
    /// initialise in turn, to a fixed point (DESIGN §3 "Constant value": fields and locals, in any file). Everything
    /// here errs on the side of analysing: a word in a comment, or a different symbol with the same name, keeps a
    /// file in.
    /// </para>
    /// </summary>
    internal sealed class SourceScreen
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private HashSet<SyntaxTree>? _reachedByName;

        /// <summary>How many field and local names the closure searched for (for the benchmark's summary).</summary>
        internal int NamesSearched { get; private set; }

        public SourceScreen(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>True when something in <paramref name="tree"/> may be analysed by a rule.</summary>
        public bool MayMatter(SyntaxTree tree)
        {
            if (TreeFacts.Of(tree).HasTriggerWord)
            {
                return true;
            }

            return ReachedByName().Contains(tree);
        }

        private HashSet<SyntaxTree> ReachedByName()
        {
            var reached = Volatile.Read(ref _reachedByName);
            if (reached is not null)
            {
                return reached;
            }

            lock (_gate)
            {
                if (_reachedByName is null)
                {
                    var closure = new NameClosure(_compilation);
                    var reachedTrees = closure.Run();
                    NamesSearched = closure.NamesSearched;
                    Volatile.Write(ref _reachedByName, reachedTrees);
                }

                return _reachedByName!;
            }
        }

        /// <summary>The fixed point over names: which files mention a name whose value may lead with the scheme.</summary>
        private sealed class NameClosure
        {
            private readonly Compilation _compilation;
            private readonly HashSet<SyntaxTree> _reached = new HashSet<SyntaxTree>();

            /// <summary>Field names (and assignment targets) already searched for in every file, compared ordinally.</summary>
            private readonly HashSet<string> _seenFields = new HashSet<string>(System.StringComparer.Ordinal);

            /// <summary>Local names already searched for in their own file.</summary>
            private readonly HashSet<(SyntaxTree, string)> _seenLocals = new HashSet<(SyntaxTree, string)>();

            private List<string> _pendingFields = new List<string>();
            private Dictionary<SyntaxTree, List<string>> _pendingLocals = new Dictionary<SyntaxTree, List<string>>();

            public NameClosure(Compilation compilation)
            {
                _compilation = compilation;
            }

            public int NamesSearched => _seenFields.Count + _seenLocals.Count;

            public HashSet<SyntaxTree> Run()
            {
                // Only a file with a trigger word can hold the scheme's words (they are trigger words themselves).
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    if (!TreeFacts.Of(tree).HasTriggerWord)
                    {
                        continue;
                    }

                    var starts = TreeFacts.SchemeWordStarts(tree.GetText(CancellationToken.None).ToString());
                    if (starts.Count == 0)
                    {
                        continue;
                    }

                    var root = tree.GetRoot(CancellationToken.None);
                    foreach (var start in starts)
                    {
                        var token = root.FindToken(start);
                        if (token.Span.Contains(start) && IsStringText(token))
                        {
                            AddHolder(token, tree);
                        }
                    }
                }

                while (_pendingFields.Count > 0 || _pendingLocals.Count > 0)
                {
                    var fields = _pendingFields;
                    var locals = _pendingLocals;
                    _pendingFields = new List<string>();
                    _pendingLocals = new Dictionary<SyntaxTree, List<string>>();
                    SearchRound(fields, locals);
                }

                return _reached;
            }

            /// <summary>One pass over the files that may contain this round's names, in their identifier tokens.</summary>
            private void SearchRound(List<string> fields, Dictionary<SyntaxTree, List<string>> locals)
            {
                var fieldHashes = new (string Name, uint Hash)[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    fieldHashes[i] = (fields[i], IdentifierRuns.Hash(fields[i]));
                }

                foreach (var tree in _compilation.SyntaxTrees)
                {
                    var facts = TreeFacts.Of(tree);
                    var names = new List<(string Name, uint Hash)>();
                    foreach (var field in fieldHashes)
                    {
                        if (facts.MayContain(field.Hash))
                        {
                            names.Add(field);
                        }
                    }

                    if (locals.TryGetValue(tree, out var treeLocals))
                    {
                        foreach (var local in treeLocals)
                        {
                            names.Add((local, IdentifierRuns.Hash(local)));
                        }
                    }

                    if (names.Count > 0)
                    {
                        SearchTree(tree, names);
                    }
                }
            }

            private void SearchTree(SyntaxTree tree, List<(string Name, uint Hash)> names)
            {
                // The text of a parsed file is its source string (no copy), except for very large files.
                var text = tree.GetText(CancellationToken.None).ToString();
                SyntaxNode? root = null;
                foreach (var (name, _) in names)
                {
                    for (var start = text.IndexOf(name, System.StringComparison.Ordinal); start >= 0;
                         start = text.IndexOf(name, start + name.Length, System.StringComparison.Ordinal))
                    {
                        if (!IdentifierRuns.StartsRun(text, start) || !IdentifierRuns.EndsRun(text, start + name.Length))
                        {
                            continue;
                        }

                        root ??= tree.GetRoot(CancellationToken.None);
                        var token = root.FindToken(start);

                        // The span check lets a verbatim @name in, whose word starts after the '@'.
                        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(start) && token.ValueText == name)
                        {
                            _reached.Add(tree);
                            AddHolder(token, tree);
                        }
                    }
                }
            }

            /// <summary>
            /// The field or local whose value contains <paramref name="token"/>: climbs through the expression to its
            /// declarator or assignment and queues that name. Anything else (an argument, a return) holds no name.
            /// </summary>
            private void AddHolder(SyntaxToken token, SyntaxTree tree)
            {
                SyntaxNode? child = null;
                for (var node = token.Parent; node is not null; child = node, node = node.Parent)
                {
                    switch (node)
                    {
                        case VariableDeclaratorSyntax declarator when child is EqualsValueClauseSyntax:
                            var isField = declarator.Parent?.Parent is BaseFieldDeclarationSyntax;
                            Queue(declarator.Identifier.ValueText, isField ? null : tree);
                            return;
                        case AssignmentExpressionSyntax assignment when child == assignment.Right:
                            if (RightmostName(assignment.Left) is { } target)
                            {
                                // A simple name may be a local or a field of this type; a field can be read anywhere.
                                Queue(target, null);
                            }

                            return;
                        case EqualsValueClauseSyntax:
                        case InterpolationSyntax:
                        case InterpolatedStringContentSyntax:
                        case ExpressionSyntax:
                            continue;
                        default:
                            return;
                    }
                }
            }

            private static string? RightmostName(ExpressionSyntax target) => target switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => null,
            };

            private void Queue(string name, SyntaxTree? localTo)
            {
                if (localTo is null)
                {
                    if (_seenFields.Add(name))
                    {
                        _pendingFields.Add(name);
                    }
                }
                else if (_seenLocals.Add((localTo, name)))
                {
                    if (!_pendingLocals.TryGetValue(localTo, out var list))
                    {
                        _pendingLocals.Add(localTo, list = new List<string>());
                    }

                    list.Add(name);
                }
            }

            private static bool IsStringText(SyntaxToken token)
            {
                switch (token.Kind())
                {
                    case SyntaxKind.StringLiteralToken:
                    case SyntaxKind.InterpolatedStringTextToken:
                    case SyntaxKind.SingleLineRawStringLiteralToken:
                    case SyntaxKind.MultiLineRawStringLiteralToken:
                    case SyntaxKind.Utf8StringLiteralToken:
                    case SyntaxKind.Utf8SingleLineRawStringLiteralToken:
                    case SyntaxKind.Utf8MultiLineRawStringLiteralToken:
                        return true;
                    default:
                        return false;
                }
            }
        }
    }
}
