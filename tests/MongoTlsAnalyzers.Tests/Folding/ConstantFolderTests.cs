using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Folding
{
    public sealed class ConstantFolderTests
    {
        /// <summary>Folds the argument of the first call to Use(...) in <paramref name="source"/>; holes render as {…}.</summary>
        private static FoldedString Fold(string source, params string[] otherFiles)
        {
            var compilation = AnalyzerRunner.Compile(new[] { source }.Concat(otherFiles), DriverVersion.None);
            var tree = compilation.SyntaxTrees.First();
            var model = compilation.GetSemanticModel(tree);
            var call = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().First(i => i.Expression.ToString() == "Use");
            var operation = model.GetOperation(call.ArgumentList.Arguments[0].Expression)!;
            return new ConstantFolder(compilation).Fold(operation, CancellationToken.None);
        }

        private static string Value(string expression, string members = "", params string[] otherFiles) =>
            MongoUri.RenderHoles(Fold(/* lang=c#-test */ $$"""

class C
{
    {{members}}
    static void Use(object value) { }
    void M(string parameter, int number)
    {
        Use({{expression}});
    }
}
""", otherFiles).Value);

        [Theory]
        [InlineData("\"plain\"", "plain")]
        [InlineData("@\"say \"\"hi\"\"\"", "say \"hi\"")]
        [InlineData("\"\"\"raw \"quoted\" text\"\"\"", "raw \"quoted\" text")]
        [InlineData("\"tab\\tnew\\u0041\"", "tab\tnewA")]
        [InlineData("\"a\" + \"b\" + \"c\"", "abc")]
        [InlineData("$\"x{\"y\"}z\"", "xyz")]
        [InlineData("$\"port {27017}\"", "port 27017")]
        [InlineData("$\"n {-1}\"", "n {…}")]
        [InlineData("$\"{true}\"", "True")]
        [InlineData("$\"{'c'}\"", "c")]
        [InlineData("nameof(M)", "M")]
        [InlineData("parameter", "{…}")]
        [InlineData("\"a\" + parameter + \"b\"", "a{…}b")]
        [InlineData("$\"a{parameter}b{number}\"", "a{…}b{…}")]
        [InlineData("$\"{\"x\",5}\"", "{…}")]
        [InlineData("$\"{number:D5}\"", "{…}")]
        [InlineData("parameter ?? \"fallback\"", "fallback")]
        [InlineData("\"value\" ?? \"fallback\"", "value")]
        [InlineData("$\"a{parameter ?? \"b\"}c\"", "abc")]
        [InlineData("parameter.ToString()", "{…}")]
        [InlineData("(string)null", "")]
        public void FoldsExpressions(string expression, string expected) => Assert.Equal(expected, Value(expression));

        [Fact]
        public void FoldsConstantsAndSingleAssignmentSymbols()
        {
            const string members = /* lang=c#-test */ """

    const string Const = "const";
    const string Composite = Const + "-composite";
    static readonly string StaticReadonly = "static";
    readonly string _fromConstructor;
    string _assignedOnce;
    string _assignedTwice = "one";
    string Property { get; } = "property";
    C() { _fromConstructor = "ctor"; }
    void Init() { _assignedOnce = "once"; _assignedTwice = "two"; }
""";

            Assert.Equal("const", Value("Const", members));
            Assert.Equal("const-composite", Value("Composite", members));
            Assert.Equal("static", Value("StaticReadonly", members));
            Assert.Equal("ctor", Value("_fromConstructor", members));
            Assert.Equal("once", Value("_assignedOnce", members));
            Assert.Equal("{…}", Value("_assignedTwice", members));
            Assert.Equal("{…}", Value("Property", members));
            Assert.Equal("other-file", Value("Other.Value", members, "static class Other { public static readonly string Value = Other.Prefix + \"-file\"; const string Prefix = \"other\"; }"));
        }

        [Fact]
        public void FoldsLocalsAssignedExactlyOnce()
        {
            var once = Fold(/* lang=c#-test */ """

class C
{
    static void Use(object value) { }
    void M()
    {
        var host = "db.example.com";
        string later;
        later = "late";
        var twice = "a";
        twice = "b";
        var captured = "c";
        System.Action a = () => captured = "d";
        Use(host + later + twice + captured);
    }
}
""");
            Assert.Equal("db.example.comlate{…}{…}", MongoUri.RenderHoles(once.Value));
        }

        [Fact]
        public void PiecesPointAtTheLiteralThatHoldsThem()
        {
            var folded = Fold(/* lang=c#-test */ """

class C
{
    const string Password = "S3cret";
    static void Use(object value) { }
    void M() { Use("mongodb://admin:" + Password + $"@db{1}.example.com"); }
}
""");
            Assert.Equal("mongodb://admin:S3cret@db1.example.com", folded.Value);
            var password = folded.PieceAt(folded.Value.IndexOf("S3cret", System.StringComparison.Ordinal))!;
            Assert.Equal("\"S3cret\"", password.ReportNode.ToString());
            Assert.Equal("Password", password.ViaSymbol!.Name);
            var tail = folded.PieceAt(folded.Value.Length - 1)!;
            Assert.Equal(PieceOrigin.InterpolatedText, tail.Origin);
            Assert.Equal("$\"@db{1}.example.com\"", tail.ReportNode.ToString());
        }

        [Theory]
        [InlineData("\"mongodb://h/?a=1&tlsInsecure=true\"", "tlsInsecure=true")]
        [InlineData("\"mongodb://h/?a=\\t\\u0031&tlsInsecure=true\"", "tlsInsecure=true")]
        [InlineData("@\"mongodb://h/?a=\"\"&tlsInsecure=true\"", "tlsInsecure=true")]
        [InlineData("\"\"\"mongodb://h/?a=1&tlsInsecure=true\"\"\"", "tlsInsecure=true")]
        [InlineData("\"mongodb://h/?a=\\U0001F600&tlsInsecure=true\"", "tlsInsecure=true")]
        public void NarrowsSpansInsideLiterals(string literal, string expectedSource)
        {
            var source = /* lang=c#-test */ $$"""

class C
{
    static void Use(object value) { }
    void M() { Use({{literal}}); }
}
""";
            var folded = Fold(source);
            var start = folded.Value.IndexOf("tlsInsecure", System.StringComparison.Ordinal);
            var location = folded.GetLocation(new Microsoft.CodeAnalysis.Text.TextSpan(start, "tlsInsecure=true".Length), narrow: true);
            Assert.Equal(expectedSource, location.SourceTree!.GetText().ToString(location.SourceSpan));
        }

        [Fact]
        public void LongConcatenationsDoNotOverflowTheStack()
        {
            var expression = string.Join(" + ", Enumerable.Range(0, 5000).Select(i => "\"p" + i + "\""));
            var folded = Fold($"class C {{ static void Use(object v) {{ }} void M() {{ Use({expression}); }} }}");
            Assert.StartsWith("p0p1p2", folded.Value, System.StringComparison.Ordinal);
            Assert.Equal(5000, folded.Pieces.Length);
        }
    }
}
