using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Test files of a project that is not a test project (docs/architecture.md "Test code"): a packable library can
    /// carry its own tests beside its code, and only the files whose types carry a test attribute are test code there.
    /// Attributes are matched by type, including attributes derived from them (<c>[DataTestMethod]</c>,
    /// <c>[SkippableFact]</c>), never by name alone, so that an unrelated <c>[Test]</c> attribute does not silence
    /// shipped code.
    /// </summary>
    internal sealed class TestFileDetector
    {
        private static readonly string[] TestAttributeNames =
        {
            "Xunit.FactAttribute",
            "Xunit.TheoryAttribute",
            "NUnit.Framework.TestAttribute",
            "NUnit.Framework.TestCaseAttribute",
            "NUnit.Framework.TestFixtureAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute",
            "Microsoft.VisualStudio.TestTools.UnitTesting.TestClassAttribute",
        };

        private readonly ImmutableArray<INamedTypeSymbol> _attributes;
        private readonly ConcurrentDictionary<SyntaxTree, bool> _byTree = new ConcurrentDictionary<SyntaxTree, bool>();

        private TestFileDetector(ImmutableArray<INamedTypeSymbol> attributes)
        {
            _attributes = attributes;
        }

        /// <summary>
        /// A detector for <paramref name="compilation"/>, or null when no test attribute type is in reach. The
        /// attribute types are looked up in the test frameworks' assemblies only (<see cref="TestProjectDetector"/>'s
        /// list), not in the project's own code (only a test framework's own repository declares them):
        /// <see cref="Compilation.GetTypeByMetadataName(string)"/> would first load the namespaces of every reference
        /// and of every source file (docs/performance.md).
        /// </summary>
        public static TestFileDetector? TryCreate(Compilation compilation)
        {
            var attributes = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (TestProjectDetector.IsTestFrameworkAssembly(assembly.Name))
                {
                    AddAttributes(assembly, attributes);
                }
            }

            return attributes.Count == 0 ? null : new TestFileDetector(attributes.ToImmutable());
        }

        private static void AddAttributes(IAssemblySymbol assembly, ImmutableArray<INamedTypeSymbol>.Builder attributes)
        {
            foreach (var name in TestAttributeNames)
            {
                if (assembly.GetTypeByMetadataName(name) is { } type)
                {
                    attributes.Add(type);
                }
            }
        }

        /// <summary>True when a type declared in <paramref name="model"/>'s tree, or one of its methods, carries a test attribute.</summary>
        public bool IsTestFile(SemanticModel model) => _byTree.GetOrAdd(model.SyntaxTree, _ => Scan(model));

        private bool Scan(SemanticModel model)
        {
            var root = model.SyntaxTree.GetRoot();
            foreach (var node in root.DescendantNodes(descendIntoChildren: n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                if (node is not TypeDeclarationSyntax type)
                {
                    continue;
                }

                if (HasTestAttribute(model, type.AttributeLists))
                {
                    return true;
                }

                foreach (var member in type.Members)
                {
                    if (member is MethodDeclarationSyntax method && HasTestAttribute(model, method.AttributeLists))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool HasTestAttribute(SemanticModel model, SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    if (model.GetSymbolInfo(attribute).Symbol?.ContainingType is { } type && IsTestAttribute(type))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private bool IsTestAttribute(INamedTypeSymbol type)
        {
            for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
            {
                foreach (var attribute in _attributes)
                {
                    if (SymbolEqualityComparer.Default.Equals(current, attribute))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
