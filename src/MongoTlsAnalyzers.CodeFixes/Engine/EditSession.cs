using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// The edits of one document: a <see cref="DocumentEditor"/> for syntax edits, and the value edits of each
    /// string literal, applied together at the end (a literal can only be replaced once).
    /// </summary>
    internal sealed class EditSession
    {
        // Each string literal or interpolated-text part with its value edits.
        private readonly Dictionary<SyntaxNode, List<LiteralEdit>> _literalEdits =
            new Dictionary<SyntaxNode, List<LiteralEdit>>();

        public EditSession(DocumentEditor editor)
        {
            Editor = editor;
        }

        public DocumentEditor Editor { get; }

        private readonly HashSet<SyntaxNode> _claimed = new HashSet<SyntaxNode>();
        private readonly HashSet<string> _imports = new HashSet<string>();

        /// <summary>Claims a node for one edit; false when another diagnostic already edits it (Fix All).</summary>
        public bool Claim(SyntaxNode node) => _claimed.Add(node);

        /// <summary>Adds <c>using <paramref name="namespaceName"/>;</c> when the edits are applied.</summary>
        public void AddImport(string namespaceName) => _imports.Add(namespaceName);

        private readonly Dictionary<TypeDeclarationSyntax, List<Func<TypeDeclarationSyntax, TypeDeclarationSyntax>>> _typeEdits =
            new Dictionary<TypeDeclarationSyntax, List<Func<TypeDeclarationSyntax, TypeDeclarationSyntax>>>();

        /// <summary>Edits a type declaration (adds members) when the edits are applied, after the edits inside it.</summary>
        public void AddTypeEdit(TypeDeclarationSyntax type, Func<TypeDeclarationSyntax, TypeDeclarationSyntax> edit)
        {
            if (!_typeEdits.TryGetValue(type, out var edits))
            {
                edits = new List<Func<TypeDeclarationSyntax, TypeDeclarationSyntax>>();
                _typeEdits.Add(type, edits);
            }

            edits.Add(edit);
        }

        private readonly List<Func<CompilationUnitSyntax, CompilationUnitSyntax>> _unitEdits = new List<Func<CompilationUnitSyntax, CompilationUnitSyntax>>();

        /// <summary>Edits the compilation unit (adds top-level local functions) when the edits are applied, after the edits inside it.</summary>
        public void AddUnitEdit(Func<CompilationUnitSyntax, CompilationUnitSyntax> edit) => _unitEdits.Add(edit);

        /// <summary>Edits the value of a string literal, or of an interpolated string's text part, when the edits are applied.</summary>
        public void EditLiteral(SyntaxNode literal, LiteralEdit edit)
        {
            if (!_literalEdits.TryGetValue(literal, out var edits))
            {
                edits = new List<LiteralEdit>();
                _literalEdits.Add(literal, edits);
            }

            edits.Add(edit);
        }

        /// <summary>Applies each literal's edits from the end of its value backwards, skipping overlaps.</summary>
        public void Flush()
        {
            foreach (var pair in _literalEdits)
            {
                // Two diagnostics can ask for the same edit (two TLS-only options of one URI each turn TLS on): once is enough.
                var edits = pair.Value.Distinct().OrderByDescending(e => e.Start).ToList();
                if (!EmptyAppend.TryRemove(Editor, pair.Key, LiteralValueEdits.ApplyAll(pair.Key, edits)))
                {
                    Editor.ReplaceNode(pair.Key, (current, _) => LiteralValueEdits.ApplyAll(current, edits));
                }
            }

            _literalEdits.Clear();
            foreach (var pair in _typeEdits)
            {
                var edits = pair.Value;
                Editor.ReplaceNode(pair.Key, (current, _) =>
                {
                    var type = (TypeDeclarationSyntax)current;
                    foreach (var edit in edits)
                    {
                        type = edit(type);
                    }

                    return type;
                });
            }

            _typeEdits.Clear();
            foreach (var edit in _unitEdits)
            {
                Editor.ReplaceNode(Editor.OriginalRoot, (current, _) => current is CompilationUnitSyntax unit ? edit(unit) : current);
            }

            _unitEdits.Clear();
            foreach (var namespaceName in _imports)
            {
                Editor.ReplaceNode(Editor.OriginalRoot, (current, _) => Imports.AddUsing(current, namespaceName));
            }

            _imports.Clear();
        }
    }
}
