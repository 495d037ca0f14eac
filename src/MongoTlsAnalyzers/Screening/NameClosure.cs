using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Screening
{
    /// <summary>
    /// The fixed point over names of <see cref="SourceScreen"/>: which files mention a name whose value may lead with
    /// the scheme, and where, once per set of files.
    /// </summary>
    internal sealed class NameClosure
    {
        /// <summary>
        /// Beyond this many field names in a round, they are found in one pass over each file's runs rather than one
        /// search each: on the benchmark's 300k lines, eight searches, file by file, took 7.9 ms of CPU and one
        /// pass over the runs 10.6 ms (a search reads a file that the one before it left in the cache).
        /// </summary>
        private const int DirectSearchLimit = 8;

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

                var text = tree.GetText(CancellationToken.None);
                SyntaxNode? root = null;
                foreach (var start in starts)
                {
                    // Most of these words are the namespace (using MongoDB.Driver;), which cannot begin a scheme.
                    if (!TriggerWords.MayBeginScheme(text, start))
                    {
                        continue;
                    }

                    root ??= tree.GetRoot(CancellationToken.None);
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

        /// <summary>
        /// One pass over every file for this round's names, kept where they are identifier tokens. A field's name is
        /// searched for in every file, a local's in its own. A few names are each found with
        /// <see cref="string.IndexOf(string, StringComparison)"/>, which reads a file about as fast as memory
        /// allows; past <see cref="DirectSearchLimit"/> field names, one pass over each file's runs with a table of
        /// them costs less than that many searches.
        /// </summary>
        private void SearchRound(List<string> fields, Dictionary<SyntaxTree, List<string>> locals)
        {
            var direct = new List<string>();
            WordTable? table = null;
            string[]? tabled = null;
            if (fields.Count <= DirectSearchLimit)
            {
                direct.AddRange(fields);
            }
            else
            {
                // A name with a character that is not part of a run (a combining mark, say) is never one run.
                var oneRun = new List<string>();
                foreach (var field in fields)
                {
                    (IdentifierRuns.IsOneRun(field) ? oneRun : direct).Add(field);
                }

                if (oneRun.Count > 0)
                {
                    tabled = oneRun.ToArray();
                    table = new WordTable(tabled, ignoreCase: false);
                }
            }

            var names = new List<string>();
            foreach (var tree in _trees)
            {
                names.Clear();
                names.AddRange(direct);
                if (locals.TryGetValue(tree, out var treeLocals))
                {
                    names.AddRange(treeLocals);
                }

                if (names.Count > 0 || table is not null)
                {
                    SearchTree(tree, names, table, tabled);
                }
            }
        }

        private void SearchTree(SyntaxTree tree, List<string> names, WordTable? table, string[]? tabled)
        {
            var text = tree.GetText(CancellationToken.None);
            var finder = new TabledNames(this, tree, tabled);
            for (var offset = 0; offset < text.Length;)
            {
                var piece = SourcePieces.Read(text, offset);
                foreach (var name in names)
                {
                    for (var start = piece.IndexOf(name, StringComparison.Ordinal); start >= 0;
                         start = piece.IndexOf(name, start + name.Length, StringComparison.Ordinal))
                    {
                        if (IdentifierRuns.StartsRun(piece, start) && IdentifierRuns.EndsRun(piece, start + name.Length))
                        {
                            Check(tree, ref finder.Root, offset + start, name);
                        }
                    }
                }

                if (table is not null)
                {
                    IdentifierRuns.Find(piece, offset, table, ref finder);
                }

                offset += piece.Length;
            }
        }

        /// <summary>Keeps <paramref name="position"/> when an identifier token named <paramref name="name"/> is there.</summary>
        private void Check(SyntaxTree tree, ref SyntaxNode? root, int position, string name)
        {
            root ??= tree.GetRoot(CancellationToken.None);
            var token = root.FindToken(position);

            // The span check lets a verbatim @name in, whose word starts after the '@'.
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(position) && token.ValueText == name)
            {
                if (!_positions.TryGetValue(tree, out var positions))
                {
                    _positions.Add(tree, positions = new List<int>());
                }

                positions.Add(position);
                AddHolder(token, tree);
            }
        }

        /// <summary>The runs of one file that are names of the round's table.</summary>
        private struct TabledNames : IWordVisitor
        {
            private readonly NameClosure _closure;
            private readonly SyntaxTree _tree;
            private readonly string[]? _names;

            public TabledNames(NameClosure closure, SyntaxTree tree, string[]? names)
            {
                _closure = closure;
                _tree = tree;
                _names = names;
                Root = null;
            }

            /// <summary>The file's root, once a candidate needs it.</summary>
            public SyntaxNode? Root;

            public void Found(int position, int word) => _closure.Check(_tree, ref Root, position, _names![word]);
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
