using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.CodeFixes.CodeBuilders
{
    /// <summary>
    /// One configuration key per connection (docs/rules/MTA001.md "Each connection its own key"): the same folded
    /// connection-string text always gets the same key, different texts get different keys. The only hard-coded
    /// connection string of the compilation gets <c>MongoDB</c>; of several, the first (in file and position order) whose
    /// place names nothing does, or else the first; every other one a name from where it stood
    /// (<c>ReportingConnectionString</c> gives <c>Reporting</c>), or a number. Keys that code already
    /// reads (<c>GetConnectionString("MongoDB")</c>, <c>MONGODB_URI</c>), for example after an earlier fix, are taken.
    /// Computed once per compilation, so every document of one Fix All run agrees.
    /// </summary>
    internal sealed class ConnectionKeys
    {
        public const string DefaultName = "MongoDB";

        private static readonly ConditionalWeakTable<Compilation, ConnectionKeys> Cache = new ConditionalWeakTable<Compilation, ConnectionKeys>();

        /// <summary>Words that say "connection string" and nothing about which one.</summary>
        private static readonly HashSet<string> GenericWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "connection", "connections", "string", "str", "conn", "cs", "uri", "url", "mongo", "mongodb", "client", "clients", "settings",
            "setting", "default", "value", "database", "db", "const", "store", "repository", "repo", "service", "factory", "context",
            "provider", "program", "startup", "options", "configuration", "config", "extensions", "helper", "s", "m", "get", "create",
        };

        private readonly Dictionary<string, string> _keyByText;

        private ConnectionKeys(Dictionary<string, string> keyByText)
        {
            _keyByText = keyByText;
        }

        /// <summary>The key table of <paramref name="compilation"/>.</summary>
        public static ConnectionKeys For(Compilation compilation, CancellationToken cancellationToken) =>
            Cache.GetValue(compilation, c => Build(c, cancellationToken));

        /// <summary>The connection-string name (<c>MongoDB</c>, <c>Reporting</c>) for a URI text.</summary>
        public string NameFor(string uriText) => _keyByText.TryGetValue(uriText, out var name) ? name : DefaultName;

        /// <summary>The environment variable for a name: <c>MONGODB_URI</c>, <c>MONGODB_URI_REPORTING</c>.</summary>
        public static string VariableFor(string name) =>
            name == DefaultName ? SecretReads.ConnectionStringVariable
            : SecretReads.ConnectionStringVariable + "_" + (name.StartsWith(DefaultName, StringComparison.Ordinal) ? name.Substring(DefaultName.Length) : ToUpperSnake(name));

        /// <summary>The URI text of the site whose root is <paramref name="root"/>, folded as the analyzer folds it.</summary>
        public static string? UriTextAt(ExpressionSyntax root, SemanticModel model, CancellationToken cancellationToken)
        {
            var compilationModel = MongoCompilationModel.TryGet(model.Compilation);
            var operation = model.GetOperation(root, cancellationToken);
            if (compilationModel is null || operation is null)
            {
                return null;
            }

            compilationModel.Folder.RememberModel(operation);
            return UriSiteLocator.For(compilationModel).Find(operation, cancellationToken)?.Uri.Text;
        }

        private static ConnectionKeys Build(Compilation compilation, CancellationToken cancellationToken)
        {
            var model = MongoCompilationModel.TryGet(compilation);
            var keyByText = new Dictionary<string, string>(StringComparer.Ordinal);
            if (model is null)
            {
                return new ConnectionKeys(keyByText);
            }

            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var connections = new List<(string Text, string Name)>();
            foreach (var tree in compilation.SyntaxTrees.OrderBy(t => t.FilePath, StringComparer.Ordinal))
            {
                var root = tree.GetRoot(cancellationToken);
                if (root.ToString().IndexOf("mongodb", StringComparison.OrdinalIgnoreCase) < 0)
                {
                    continue;
                }

                TakeReadKeys(root, taken);
                foreach (var movable in MovableRoots(tree, compilation.GetSemanticModel(tree), cancellationToken))
                {
                    connections.Add((movable.Text, NameFromWhereItStood(movable.Node)));
                }
            }

            // The default name goes to the only connection, or to the first one whose place says nothing about it (a
            // ReportingConnectionString keeps "Reporting"); unless code already reads it, after an earlier fix.
            var defaultHolder = taken.Contains(DefaultName) || connections.Count == 0 ? null
                : connections.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count() == 1 ? connections[0].Text
                : connections.FirstOrDefault(c => c.Name.Length == 0).Text ?? connections[0].Text;
            if (defaultHolder is not null)
            {
                keyByText.Add(defaultHolder, DefaultName);
                taken.Add(DefaultName);
            }

            foreach (var (text, name) in connections)
            {
                if (keyByText.ContainsKey(text))
                {
                    continue;
                }

                var chosen = name.Length > 0 && !taken.Contains(name) ? name : Numbered(taken);
                taken.Add(chosen);
                keyByText.Add(text, chosen);
            }

            return new ConnectionKeys(keyByText);
        }

        /// <summary>
        /// The string expressions of <paramref name="tree"/> that write a connection string the fix moves, with its folded
        /// text. A URI whose scheme comes from a declaration elsewhere (<c>Shared + "/?appName=b"</c>) moves with that
        /// declaration, so it is not one of them.
        /// </summary>
        public static IEnumerable<(ExpressionSyntax Node, string Text)> MovableRoots(SyntaxTree tree, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            var model = MongoCompilationModel.TryGet(semanticModel.Compilation);
            var root = tree.GetRoot(cancellationToken);
            if (model is null || root.ToString().IndexOf("mongodb", StringComparison.OrdinalIgnoreCase) < 0)
            {
                yield break;
            }

            var locator = UriSiteLocator.For(model);
            var seen = new HashSet<SyntaxNode>();
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                    && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                {
                    continue;
                }

                if (token.Parent?.FirstAncestorOrSelf<ExpressionSyntax>() is not { } expression
                    || StringExpressions.Outermost(expression) is not { } outermost || !seen.Add(outermost))
                {
                    continue;
                }

                var operation = semanticModel.GetOperation(outermost, cancellationToken);
                if (operation is null)
                {
                    continue;
                }

                model.Folder.RememberModel(operation);
                if (locator.Find(operation, cancellationToken) is { } site && IsMovable(site.Uri) && site.IsInRoot(site.Folded.Pieces[0]))
                {
                    yield return (outermost, site.Uri.Text);
                }
            }
        }

        /// <summary>A URI the move-to-configuration fix moves: a real password, or a constant remote host (MTA001, MTA002).</summary>
        private static bool IsMovable(MongoUri uri) =>
            (uri.UserInfo is { HasRealPassword: true } && uri.HostScope != UriHostScope.AllLoopback) || uri.FirstConstantRemoteHost is not null;

        private static string Numbered(HashSet<string> taken)
        {
            for (var i = 2; ; i++)
            {
                var name = DefaultName + i.ToString(CultureInfo.InvariantCulture);
                if (!taken.Contains(name))
                {
                    return name;
                }
            }
        }

        /// <summary>Connection-string names the code already reads: <c>GetConnectionString("X")</c>, <c>GetSection("X")</c> and <c>MONGODB_URI[_X]</c>.</summary>
        private static void TakeReadKeys(SyntaxNode root, HashSet<string> taken)
        {
            foreach (var invocation in root.DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (invocation.ArgumentList.Arguments.Count != 1
                    || invocation.ArgumentList.Arguments[0].Expression is not LiteralExpressionSyntax { Token.ValueText: var argument })
                {
                    continue;
                }

                var method = invocation.Expression switch
                {
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    IdentifierNameSyntax name => name.Identifier.ValueText,
                    _ => string.Empty,
                };
                // GetSection("Reporting") is a named client's section, the helper tier's key.
                if (method is "GetConnectionString" or "GetSection")
                {
                    taken.Add(argument);
                }
                else if (method == "GetEnvironmentVariable" && argument.StartsWith(SecretReads.ConnectionStringVariable, StringComparison.Ordinal))
                {
                    var suffix = argument.Substring(SecretReads.ConnectionStringVariable.Length).TrimStart('_');
                    taken.Add(suffix.Length == 0 ? DefaultName : suffix.All(char.IsDigit) ? DefaultName + suffix : FromUpperSnake(suffix));
                }
            }
        }

        /// <summary>
        /// The field, const, property, local or parameter the URI initialises or whose client it creates, or its class,
        /// without the words that only say "connection string" (<c>ReportingConnectionString</c> gives <c>Reporting</c>).
        /// </summary>
        internal static string NameFromWhereItStood(SyntaxNode uri)
        {
            foreach (var node in uri.Ancestors())
            {
                var name = node switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    ParameterSyntax parameter => parameter.Identifier.ValueText,
                    AssignmentExpressionSyntax { Left: var left } => (left as IdentifierNameSyntax)?.Identifier.ValueText ?? (left as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name is not null && Clean(name) is { Length: > 0 } cleaned)
                {
                    return cleaned;
                }

                if (node is BaseTypeDeclarationSyntax type)
                {
                    return Clean(type.Identifier.ValueText);
                }

                if (node is MemberDeclarationSyntax and not BaseTypeDeclarationSyntax and not FieldDeclarationSyntax and not PropertyDeclarationSyntax)
                {
                    // A method: the class names it, not the method.
                    continue;
                }
            }

            return string.Empty;
        }

        /// <summary>The name's word parts in PascalCase, without generic words and underscores.</summary>
        internal static string Clean(string name)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                    || (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                    || (i > 0 && i + 1 < name.Length && char.IsUpper(name[i]) && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1]));
                if (boundary && start >= 0)
                {
                    words.Add(name.Substring(start, i - start));
                    start = -1;
                }

                if (i < name.Length && char.IsLetterOrDigit(name[i]) && start < 0)
                {
                    start = i;
                }
            }

            return string.Concat(words.Where(w => w.Length > 1 && !GenericWords.Contains(w) && char.IsLetter(w[0])).Select(w => char.ToUpperInvariant(w[0]) + w.Substring(1).ToLowerInvariant()));
        }

        private static string ToUpperSnake(string name)
        {
            var text = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1]))
                {
                    text.Append('_');
                }

                text.Append(char.ToUpperInvariant(name[i]));
            }

            return text.ToString();
        }

        private static string FromUpperSnake(string variable) =>
            string.Concat(variable.Split('_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p.Substring(1).ToLowerInvariant()));
    }
}
