using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.Tests.Infrastructure;
using MongoTlsAnalyzers.Tests.Rules;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>A C# source taken from the test suite, with where it came from (file:line and how it was built).</summary>
    public sealed record HarvestedSource(string Origin, string Text);

    /// <summary>
    /// Collects the C# sources of the analyzer test suite by reading the test files themselves with Roslyn, so
    /// that a new test contributes its sources without anyone registering them here:
    /// <list type="bullet">
    /// <item>every string literal (regular, verbatim, raw) that looks like a whole file is used as it is;</item>
    /// <item>every interpolated string that looks like a whole file is a template. In a theory, it is rendered with
    /// each [InlineData] row (holes naming a parameter take that argument): exactly what the test compiles. In a
    /// wrapper method such as <c>Code(string body)</c>, it is rendered empty, and with every code snippet of the file
    /// (the first [InlineData] argument, or any literal with a semicolon, <c>=&gt;</c> or MongoClient) put into the
    /// body/expression hole, the way the tests wrap them;</item>
    /// <item>snippets of files without a wrapper are used as they are (broken code is welcome);</item>
    /// <item>the sink/shape matrix of <see cref="SinkAndShapeCases"/> (built by code, not literals), and the
    /// InsecureApp sample.</item>
    /// </list>
    /// Markup is stripped and duplicates are dropped.
    /// </summary>
    public static class TestSourceHarvest
    {
        /// <summary>The test folders whose files hold analyzer and fixer test sources.</summary>
        public static readonly string[] Folders = { "Rules", "Fixes", "Guards", "Folding", "Robustness" };

        /// <summary>Names of the parameter a wrapper method puts the snippet into, most preferred first.</summary>
        private static readonly string[] SlotNames = { "body", "expression", "literal", "code", "source" };

        private static readonly Lazy<IReadOnlyList<HarvestedSource>> Cached = new Lazy<IReadOnlyList<HarvestedSource>>(Collect);

        public static IReadOnlyList<HarvestedSource> All => Cached.Value;

        private static IReadOnlyList<HarvestedSource> Collect()
        {
            var sources = new List<HarvestedSource>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            void Add(string origin, string text)
            {
                var stripped = AnalyzerRunner.StripMarkup(text);
                if (stripped.Trim().Length > 0 && seen.Add(stripped))
                {
                    sources.Add(new HarvestedSource(origin, stripped));
                }
            }

            var testRoot = RepositoryPaths.Combine("tests", "MongoTlsAnalyzers.Tests");
            var files = Folders
                .SelectMany(folder => Directory.GetFiles(Path.Combine(testRoot, folder), "*.cs", SearchOption.AllDirectories)
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(file => (Name: folder + "/" + Path.GetFileName(file), Root: CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Preview)).GetRoot())))
                .ToList();

            // Wrappers by the class that declares them: a file that imports a shared wrapper class (using static)
            // wraps its snippets in that class's wrappers too, as its tests do.
            var wrappersByClass = new Dictionary<string, List<Template>>(StringComparer.Ordinal);
            foreach (var (_, root) in files)
            {
                foreach (var template in Templates(root).Where(t => t.Slot is not null && InlineDataRows(t.Method).Count == 0))
                {
                    var owner = template.Node.Ancestors().OfType<TypeDeclarationSyntax>().FirstOrDefault()?.Identifier.ValueText ?? string.Empty;
                    if (!wrappersByClass.TryGetValue(owner, out var list))
                    {
                        wrappersByClass.Add(owner, list = new List<Template>());
                    }

                    list.Add(template);
                }
            }

            foreach (var (name, root) in files)
            {
                var imported = root.DescendantNodes().OfType<UsingDirectiveSyntax>()
                    .Where(u => u.StaticKeyword != default && u.Name is not null)
                    .SelectMany(u => wrappersByClass.TryGetValue(u.Name!.ToString().Split('.').Last(), out var shared) ? shared : new List<Template>())
                    .ToList();
                HarvestFile(name, root, imported, Add);
            }

            // Built by code from pieces, so their literals alone would not show the full sources.
            foreach (var id in new[] { "MTA001", "MTA002" })
            {
                foreach (var shape in SinkAndShapeCases.Shapes(id, "mongodb://admin:", "S3cret", "@db.example.com/app"))
                {
                    for (var sink = 0; sink < SinkAndShapeCases.Sinks.Length; sink++)
                    {
                        Add($"SinkAndShapeCases {id} '{shape.Name}' sink {sink}", SinkAndShapeCases.Source(shape, sink));
                    }

                    if (shape.OtherFile is not null)
                    {
                        Add($"SinkAndShapeCases {id} '{shape.Name}' other file", shape.OtherFile);
                    }
                }
            }

            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("samples", "InsecureApp"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                Add("samples/InsecureApp/" + Path.GetFileName(file), File.ReadAllText(file));
            }

            return sources;
        }

        private static List<Template> Templates(SyntaxNode root) =>
            root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>()
                .Select(Template.TryCreate)
                .Where(t => t is not null)
                .Select(t => t!)
                .ToList();

        private static void HarvestFile(string name, SyntaxNode root, IReadOnlyList<Template> imported, Action<string, string> add)
        {
            string Where(SyntaxNodeOrToken at) => $"{name}:{at.GetLocation()!.GetLineSpan().StartLinePosition.Line + 1}";

            var templates = Templates(root);
            var consumed = new HashSet<LiteralExpressionSyntax>();
            var wrappers = new List<Template>();
            foreach (var template in templates)
            {
                var rows = InlineDataRows(template.Method);
                foreach (var (attribute, values, literals) in rows)
                {
                    // A theory that builds its source from its own arguments: exactly the sources the test compiles.
                    add(Where(attribute) + " in " + Where(template.Node) + " template", template.Render(values));
                    consumed.UnionWith(literals);
                }

                if (rows.Count == 0)
                {
                    add(Where(template.Node) + " template", template.Render(new Dictionary<string, string>()));
                    if (template.Slot is not null)
                    {
                        wrappers.Add(template);
                    }
                }
            }

            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>().Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && !consumed.Contains(l)))
            {
                var value = literal.Token.ValueText;
                if (LooksLikeWholeFile(value))
                {
                    add(Where(literal), value);
                }
                else if (InlineDataPosition(literal) is var position && (position == 0 || (position < 0 && LooksLikeSnippet(value))))
                {
                    if (wrappers.Count == 0 && imported.Count == 0)
                    {
                        add(Where(literal) + " snippet", value);
                    }

                    foreach (var wrapper in wrappers)
                    {
                        add(Where(literal) + " in " + Where(wrapper.Node) + " template", wrapper.Render(new Dictionary<string, string> { [wrapper.Slot!] = value }));
                    }

                    foreach (var wrapper in imported)
                    {
                        add(Where(literal) + " in the imported template of line " + (wrapper.Node.GetLocation().GetLineSpan().StartLinePosition.Line + 1), wrapper.Render(new Dictionary<string, string> { [wrapper.Slot!] = value }));
                    }
                }
            }
        }

        /// <summary>The [InlineData] rows of a method, as parameter name to argument text, with the string literals used.</summary>
        private static List<(AttributeSyntax Attribute, Dictionary<string, string> Values, List<LiteralExpressionSyntax> Literals)> InlineDataRows(SyntaxNode? method)
        {
            var rows = new List<(AttributeSyntax, Dictionary<string, string>, List<LiteralExpressionSyntax>)>();
            if (method is not BaseMethodDeclarationSyntax declaration)
            {
                return rows;
            }

            var parameters = declaration.ParameterList.Parameters;
            foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes).Where(IsInlineData))
            {
                var arguments = attribute.ArgumentList?.Arguments ?? default;
                var values = new Dictionary<string, string>(StringComparer.Ordinal);
                var literals = new List<LiteralExpressionSyntax>();
                for (var i = 0; i < arguments.Count && i < parameters.Count; i++)
                {
                    var expression = arguments[i].Expression;
                    values[parameters[i].Identifier.ValueText] = expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : expression.ToString();
                    if (expression is LiteralExpressionSyntax stringLiteral && stringLiteral.IsKind(SyntaxKind.StringLiteralExpression))
                    {
                        literals.Add(stringLiteral);
                    }
                }

                rows.Add((attribute, values, literals));
            }

            return rows;
        }

        private static bool IsInlineData(AttributeSyntax attribute) => attribute.Name.ToString() is "InlineData" or "InlineDataAttribute";

        private static bool LooksLikeWholeFile(string value) =>
            value.Contains("class ", StringComparison.Ordinal) || value.Contains("using ", StringComparison.Ordinal) || value.Contains("namespace ", StringComparison.Ordinal);

        private static bool LooksLikeSnippet(string value) =>
            value.Contains(';') || value.Contains("MongoClient", StringComparison.Ordinal) || value.Contains("=>", StringComparison.Ordinal);

        /// <summary>
        /// The argument position of a literal in [InlineData(...)], or -1. The first argument is the code (expression
        /// snippets such as <c>"a" + "b"</c> carry no semicolon); the others are expected values and messages.
        /// </summary>
        private static int InlineDataPosition(LiteralExpressionSyntax literal) =>
            literal.Parent is AttributeArgumentSyntax argument
            && argument.Parent is AttributeArgumentListSyntax list
            && list.Parent is AttributeSyntax attribute
            && IsInlineData(attribute)
                ? list.Arguments.IndexOf(argument)
                : -1;

        /// <summary>
        /// An interpolated string that renders a whole file. Holes naming a parameter of the enclosing method take
        /// that parameter's value; <see cref="Slot"/> is the parameter a wrapper method takes snippets in.
        /// </summary>
        private sealed class Template
        {
            private readonly IReadOnlyList<object> _parts; // string text, or a hole (named after the parameter it shows, else empty)

            private Template(InterpolatedStringExpressionSyntax node, SyntaxNode? method, IReadOnlyList<object> parts, string? slot)
            {
                Node = node;
                Method = method;
                _parts = parts;
                Slot = slot;
            }

            public InterpolatedStringExpressionSyntax Node { get; }

            public SyntaxNode? Method { get; }

            /// <summary>The body/expression parameter a hole takes (not, say, one option of a URI); null when there is none.</summary>
            public string? Slot { get; }

            public static Template? TryCreate(InterpolatedStringExpressionSyntax node)
            {
                var method = node.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax || a is LocalFunctionStatementSyntax);
                var parameters = (method switch
                {
                    BaseMethodDeclarationSyntax m => m.ParameterList.Parameters,
                    LocalFunctionStatementSyntax l => l.ParameterList.Parameters,
                    _ => default,
                }).Select(p => p.Identifier.ValueText).ToList();

                // ValueText resolves escapes such as \n and "" but keeps the doubled braces of a non-raw string.
                var raw = node.StringStartToken.IsKind(SyntaxKind.InterpolatedSingleLineRawStringStartToken) || node.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken);
                var parts = node.Contents
                    .Select(c => c switch
                    {
                        InterpolatedStringTextSyntax text => (object)(raw ? text.TextToken.ValueText : text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}")),
                        InterpolationSyntax { Expression: IdentifierNameSyntax id } when parameters.Contains(id.Identifier.ValueText) => new HolePart(id.Identifier.ValueText),
                        _ => new HolePart(string.Empty),
                    })
                    .ToList();
                var slot = SlotNames.FirstOrDefault(n => parts.Any(p => p is HolePart h && h.Name == n));
                var template = new Template(node, method, parts, slot);
                return LooksLikeWholeFile(template.Render(new Dictionary<string, string>())) ? template : null;
            }

            public string Render(IReadOnlyDictionary<string, string> values)
            {
                var builder = new StringBuilder();
                foreach (var part in _parts)
                {
                    builder.Append(part switch
                    {
                        string text => text,
                        HolePart hole when values.TryGetValue(hole.Name, out var value) => value,
                        _ => string.Empty,
                    });
                }

                return builder.ToString();
            }
        }

        private sealed record HolePart(string Name);
    }
}
