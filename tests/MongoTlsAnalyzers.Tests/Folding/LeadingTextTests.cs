using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.Tests.Infrastructure;
using MongoTlsAnalyzers.Tests.Robustness;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.Folding
{
    /// <summary>
    /// <see cref="LeadingText"/> screens string expressions before the folder; it may let through what is not a URI
    /// (the folder then decides), but it must never reject what the folder folds to a MongoDB scheme.
    /// </summary>
    public sealed class LeadingTextTests
    {
        private readonly ITestOutputHelper _output;

        public LeadingTextTests(ITestOutputHelper output) => _output = output;

        private static bool Rejects(LeadingText leading) => leading.Kind != LeadingKind.Unknown && !MongoUri.HasMongoScheme(leading.Text);

        /// <summary>Every concatenation and interpolation of the test suite's sources, screened and folded.</summary>
        [Fact]
        public void TheScreenNeverRejectsWhatFoldsToAMongoDbScheme()
        {
            var expressions = 0;
            var uris = 0;
            var rejected = 0;
            foreach (var source in TestSourceHarvest.All)
            {
                var compilation = AnalyzerRunner.Compile(new[] { source.Text }, DriverVersion.V3);
                var folder = new ConstantFolder(compilation);
                foreach (var operation in StringRoots(compilation))
                {
                    expressions++;
                    var leading = LeadingText.Of(operation, folder, CancellationToken.None);
                    var foldsToUri = MongoUri.HasMongoScheme(folder.Fold(operation, CancellationToken.None).Value);
                    uris += foldsToUri ? 1 : 0;
                    rejected += Rejects(leading) ? 1 : 0;
                    Assert.False(foldsToUri && Rejects(leading), source.Origin + ": the screen rejected the URI " + operation.Syntax);
                }
            }

            _output.WriteLine($"{expressions} string expressions, {uris} fold to a MongoDB URI, {rejected} rejected by the screen.");
            Assert.True(uris >= 40, "expected the test suite's sources to hold URIs built by concatenation or interpolation, found " + uris);
            Assert.True(rejected >= 20, "expected the screen to reject the other expressions, rejected " + rejected);
        }

        [Theory]
        [InlineData("$\"mongodb://{host}/\"", false)]
        [InlineData("\"mongo\" + \"db://\" + host", false)]
        [InlineData("Prefix + host", false)]
        [InlineData("$\"{Prefix}{host}\"", false)]
        [InlineData("$\"{local}{host}\"", false)]
        [InlineData("(Prefix ?? \"x\") + host", true)] // the folder takes the fallback of ??, as the screen does
        [InlineData("$\"{5}mongodb://{host}\"", true)]
        [InlineData("\"Order \" + host", true)]
        [InlineData("$\"/api/{host}\"", true)]
        [InlineData("host + \"mongodb://\"", true)]
        [InlineData("$\"{host}mongodb://\"", true)]
        [InlineData("Route + host", true)]
        [InlineData("$\"{Route}{host}\"", true)]
        public void ScreensTheFirstPieces(string expression, bool rejected)
        {
            var compilation = AnalyzerRunner.Compile(
                new[]
                {
                    "class C { static readonly string Prefix = \"mongodb+srv://\"; static readonly string Route = \"/orders/\";\n" +
                    "  void M(string host) { var local = \"mongodb://\"; var s = " + expression + "; } }",
                },
                DriverVersion.V3);
            var operation = StringRoots(compilation).Single(o => o.Syntax.ToString() == expression);
            var folder = new ConstantFolder(compilation);
            Assert.Equal(rejected, Rejects(LeadingText.Of(operation, folder, CancellationToken.None)));

            // Asked again (the field's or local's leading text is now cached): the same answer.
            Assert.Equal(rejected, Rejects(LeadingText.Of(operation, folder, CancellationToken.None)));
        }

        /// <summary>Outermost string concatenations and interpolations, as the URI locator asks about them.</summary>
        private static IEnumerable<IOperation> StringRoots(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var model = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var operation = model.GetOperation(node);
                    var isString = operation is IInterpolatedStringOperation
                        || (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } && operation.Type?.SpecialType == SpecialType.System_String);
                    if (isString && operation!.Parent is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } and not IInterpolationOperation)
                    {
                        yield return operation;
                    }
                }
            }
        }
    }
}
