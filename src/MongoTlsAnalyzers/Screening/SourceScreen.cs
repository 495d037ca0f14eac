using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// Decides, per member, whether the rules need to look at it at all: most members of a large code base, even in
    /// files that use MongoDB, hold nothing a rule starts from, and skipping them is what keeps the analyzers near
    /// the cost of registering their actions.
    /// <para>
    /// Every rule starts from a root inside the member it analyses (docs/rules): a URI, or an assignment, call or
    /// creation on a driver type. A root's own text holds a trigger word (<see cref="TriggerWords"/>), or names a
    /// field or local whose value can lead with a MongoDB scheme: a URI folded from <c>Db.Scheme + "host"</c> in a
    /// member that says nothing else about MongoDB. Those names are found once per compilation, from the scheme's
    /// words in string literals, through the fields and locals they initialise or are assigned to, then the fields
    /// those names initialise in turn, to a fixed point (docs/architecture.md "Constant value": fields and locals, in any file).
    /// Everything here errs on the side of analysing: a word in a comment, or a different symbol with the same name,
    /// keeps a member in.
    /// </para>
    /// </summary>
    internal sealed class SourceScreen : IMemberScreen
    {
        private readonly Compilation _compilation;
        private readonly object _gate = new object();
        private Dictionary<SyntaxTree, List<int>>? _namePositions;
        private TreeEntry? _lastTree;

        /// <summary>How many field and local names the closure searched for (for the benchmark's summary).</summary>
        internal int NamesSearched { get; private set; }

        /// <summary>The screen of <paramref name="model"/>'s compilation.</summary>
        public static SourceScreen For(MongoCompilationModel model) => model.Part(static m => new SourceScreen(m.Compilation));

        public SourceScreen(Compilation compilation)
        {
            _compilation = compilation;
        }

        /// <summary>True when something in <paramref name="tree"/> may be analysed by a rule.</summary>
        public bool MayMatter(SyntaxTree tree) => MayMatter(tree, new TextSpan(0, tree.Length));

        /// <summary>True when something in <paramref name="span"/> of <paramref name="tree"/> may be analysed by a rule.</summary>
        public bool MayMatter(SyntaxTree tree, TextSpan span)
        {
            // Asked once per member and analyzer: the last file's facts are kept, as a file's members come in a row.
            var last = Volatile.Read(ref _lastTree);
            if (last is null || last.Tree != tree)
            {
                last = new TreeEntry(tree, TreeFacts.Of(tree).TriggerStarts, NamePositions().TryGetValue(tree, out var names) ? names : null);
                Volatile.Write(ref _lastTree, last);
            }

            return AnyWithin(last.TriggerStarts, span) || (last.NamePositions is { } positions && AnyWithin(positions, span));
        }

        /// <summary>One file's trigger-word starts and, when known, the followed names' positions in it.</summary>
        private sealed class TreeEntry
        {
            public TreeEntry(SyntaxTree tree, int[] triggerStarts, List<int>? namePositions)
            {
                Tree = tree;
                TriggerStarts = triggerStarts;
                NamePositions = namePositions;
            }

            public SyntaxTree Tree { get; }

            public int[] TriggerStarts { get; }

            public List<int>? NamePositions { get; }
        }

        /// <summary>True when one of the sorted <paramref name="positions"/> lies in <paramref name="span"/>.</summary>
        private static bool AnyWithin(IReadOnlyList<int> positions, TextSpan span)
        {
            int low = 0, high = positions.Count;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (positions[middle] < span.Start)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            return low < positions.Count && positions[low] < span.End;
        }

        /// <summary>Per file, where the names of the closure occur as identifiers (sorted).</summary>
        private Dictionary<SyntaxTree, List<int>> NamePositions()
        {
            var positions = Volatile.Read(ref _namePositions);
            if (positions is not null)
            {
                return positions;
            }

            lock (_gate)
            {
                if (_namePositions is null)
                {
                    var trees = new List<SyntaxTree>(_compilation.SyntaxTrees).ToArray();
                    var closure = ClosureCache.Find(trees);
                    if (closure is null)
                    {
                        var search = new NameClosure(trees);
                        closure = new ClosureCache.Entry(trees, search.Run(), search.NamesSearched);
                        ClosureCache.Remember(closure);
                    }

                    NamesSearched = closure.NamesSearched;
                    Volatile.Write(ref _namePositions, closure.Positions);
                }

                return _namePositions!;
            }
        }

        /// <summary>Drops the remembered closures (with <see cref="TreeFacts.ForgetAll"/>, for the benchmark).</summary>
        internal static void ForgetClosures() => ClosureCache.ForgetAll();

        /// <summary>
        /// The closure depends only on the files, and the IDE asks for one document at a time on a fresh clone of the
        /// project's compilation: each request would pay for the whole project again. So it is remembered per set of
        /// syntax trees (keyed by the first, checked element by element), until a file changes.
        /// </summary>
        private static class ClosureCache
        {
            private static readonly object Gate = new object();
            private static ConditionalWeakTable<SyntaxTree, Entry> s_entries = new ConditionalWeakTable<SyntaxTree, Entry>();

            public static Entry? Find(SyntaxTree[] trees)
            {
                if (trees.Length == 0 || !Volatile.Read(ref s_entries).TryGetValue(trees[0], out var entry) || entry.Trees.Length != trees.Length)
                {
                    return null;
                }

                for (var i = 0; i < trees.Length; i++)
                {
                    if (!ReferenceEquals(entry.Trees[i], trees[i]))
                    {
                        return null;
                    }
                }

                return entry;
            }

            /// <summary>
            /// Replaces the project's entry. An entry keeps its snapshot's trees alive until the project's next closure
            /// replaces it: one old snapshot per project at most.
            /// </summary>
            public static void Remember(Entry entry)
            {
                if (entry.Trees.Length == 0)
                {
                    return;
                }

                lock (Gate)
                {
                    var entries = Volatile.Read(ref s_entries);
                    entries.Remove(entry.Trees[0]);
                    entries.Add(entry.Trees[0], entry);
                }
            }

            public static void ForgetAll() => Volatile.Write(ref s_entries, new ConditionalWeakTable<SyntaxTree, Entry>());

            public sealed class Entry
            {
                public Entry(SyntaxTree[] trees, Dictionary<SyntaxTree, List<int>> positions, int namesSearched)
                {
                    Trees = trees;
                    Positions = positions;
                    NamesSearched = namesSearched;
                }

                public SyntaxTree[] Trees { get; }

                public Dictionary<SyntaxTree, List<int>> Positions { get; }

                public int NamesSearched { get; }
            }
        }

        /// <summary>The fixed point over names: which files mention a name whose value may lead with the scheme.</summary>
        private sealed class NameClosure
        {
            private readonly SyntaxTree[] _trees;
            private readonly Dictionary<SyntaxTree, List<int>> _positions = new Dictionary<SyntaxTree, List<int>>();

            /// <summary>Field names (and assignment targets) already searched for in every file, compared ordinally.</summary>
            private readonly HashSet<string> _seenFields = new HashSet<string>(StringComparer.Ordinal);

            /// <summary>Local names already searched for in their own file.</summary>
            private readonly HashSet<(SyntaxTree, string)> _seenLocals = new HashSet<(SyntaxTree, string)>();

            private List<string> _pendingFields = new List<string>();
            private Dictionary<SyntaxTree, List<string>> _pendingLocals = new Dictionary<SyntaxTree, List<string>>();

            public NameClosure(SyntaxTree[] trees)
            {
                _trees = trees;
            }

            public int NamesSearched => _seenFields.Count + _seenLocals.Count;

            public Dictionary<SyntaxTree, List<int>> Run()
            {
                foreach (var tree in _trees)
                {
                    var starts = TreeFacts.Of(tree).SchemeStarts;
                    if (starts.Length == 0)
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

                foreach (var positions in _positions.Values)
                {
                    positions.Sort();
                }

                return _positions;
            }

            /// <summary>One pass over the files that may contain this round's names, in their identifier tokens.</summary>
            private void SearchRound(List<string> fields, Dictionary<SyntaxTree, List<string>> locals)
            {
                var fieldHashes = new (string Name, uint Hash)[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    fieldHashes[i] = (fields[i], IdentifierRuns.Hash(fields[i]));
                }

                foreach (var tree in _trees)
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
                    for (var start = text.IndexOf(name, StringComparison.Ordinal); start >= 0;
                         start = text.IndexOf(name, start + name.Length, StringComparison.Ordinal))
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
                            if (!_positions.TryGetValue(tree, out var positions))
                            {
                                _positions.Add(tree, positions = new List<int>());
                            }

                            positions.Add(start);
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
                // Code being typed can declare a field without its name (`const Scheme = "mongodb://"`): the empty
                // name names nothing, and would be found at every position.
                if (name.Length == 0)
                {
                    return;
                }

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
