using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>
    /// docs/architecture.md "Test code": which projects and files are test code, which rules go silent there, and the
    /// fixture hosts MTA001 does not count as servers in test code.
    /// </summary>
    public sealed class TestCodeTests
    {
        private const string TestProject = "build_property.IsTestProject = true";

        private const string ShippedFile = """
using MongoDB.Driver;

public static class Store
{
    public static IMongoClient Create() => new MongoClient("mongodb://db.example.com/?tlsCAFile=/ca.pem");

    public static IMongoClient Fixture() => new MongoClient("mongodb://admin:password123x@mydocdbserver:27017");
}
""";

        private const string XunitTestFile = """
using MongoDB.Driver;
using Xunit;

public class StoreTests
{
    [Fact]
    public void Connects()
    {
        var a = new MongoClient("mongodb://db.example.com/?tlsCAFile=/ca.pem");
        var b = new MongoClient("mongodb://admin:S3cret-fixture@mydocdbserver:27017");
        var c = new MongoClient("mongodb://admin:S3cret-leaked@cluster0.x1y2z.mongodb.net");
    }
}
""";

        [Fact]
        public async Task FixtureHostsAreNoServersForMTA001InTestCode()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object SingleLabel() => new MongoClient("mongodb://admin:S3cret@mydocdbserver:27017");
    object Example() => new MongoClient("mongodb://admin:S3cret@example:27017");
    object ExampleCom() => new MongoClient("mongodb://admin:S3cret@db.example.com,example.org,mongo.example.net");
    object Test() => new MongoClient("mongodb://admin:S3cret@mongo.test");
    object Invalid() => new MongoClient("mongodb://admin:S3cret@db.invalid:27018");
    object Localhost() => new MongoClient("mongodb://admin:S3cret@mongo.localhost,localhost");
    object Srv() => new MongoClient("mongodb+srv://admin:S3cret@cluster0.example.com");
    object Atlas() => new MongoClient({|MTA001:"mongodb+srv://admin:S3cret@cluster0.x1y2z.mongodb.net"|});
    object Address() => new MongoClient({|MTA001:"mongodb://admin:S3cret@10.1.2.3:27017"|});
    object OneRealOfTwo() => new MongoClient({|MTA001:"mongodb://admin:S3cret@mydocdbserver,db.acme.io"|});
    object LookAlike() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.example.com.acme.io"|});
    object NotReserved() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.testing.io"|});
    object Hole(string host) => new MongoClient({|MTA001:$"mongodb://admin:S3cret@{host}"|});
}
""", new TestOptions { GlobalConfig = TestProject });
        }

        [Fact]
        public async Task FixtureHostsAreServersOutsideTestCode()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object SingleLabel() => new MongoClient({|MTA001:"mongodb://admin:S3cret@mydocdbserver:27017"|});
    object ExampleCom() => new MongoClient({|MTA001:"mongodb://admin:S3cret@db.example.com"|});
    object Test() => new MongoClient({|MTA001:"mongodb://admin:S3cret@mongo.test"|});
}
""");
        }

        [Fact]
        public async Task AUrlBuilderAimedAtFixtureHostsIsSilentInTestCode()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object Fixture() => new MongoUrlBuilder { Server = new MongoServerAddress("mydocdbserver"), Password = "S3cret" };
    object Fixtures() => new MongoUrlBuilder { Servers = new[] { new MongoServerAddress("localhost"), new MongoServerAddress("db.example.com") }, Password = "S3cret" };
    object FromUri()
    {
        var b = new MongoUrlBuilder("mongodb://mongo.test:27017");
        b.Password = "S3cret";
        return b;
    }
    object Real() => new MongoUrlBuilder { Server = new MongoServerAddress("db.acme.io"), Password = {|MTA001:"S3cret"|} };
}
""";
            await Verify.VerifyAsync(source, new TestOptions { GlobalConfig = TestProject });
        }

        [Fact]
        public async Task AUrlBuilderAimedAtFixtureHostsIsReportedOutsideTestCode()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object Fixture() => new MongoUrlBuilder { Server = new MongoServerAddress("mydocdbserver"), Password = {|MTA001:"S3cret"|} };
}
""");
        }

        [Fact]
        public void ATestProjectSilencesTheTestSilentRulesInEveryFile()
        {
            var diagnostics = Run(new[] { ShippedFile, XunitTestFile }, "build_property.IsPackable = false");
            Assert.Equal(
                new[] { "Test0.cs:MTA006", "Test1.cs:MTA001", "Test1.cs:MTA006" },
                Summarise(diagnostics));
        }

        [Fact]
        public void APackableLibraryIsAnalysedAndOnlyItsTestFilesAreTestCode()
        {
            var diagnostics = Run(new[] { ShippedFile, XunitTestFile }, "build_property.IsPackable = true");
            Assert.Equal(
                new[] { "Test0.cs:MTA001", "Test0.cs:MTA002", "Test0.cs:MTA006", "Test1.cs:MTA001", "Test1.cs:MTA006" },
                Summarise(diagnostics));
        }

        [Fact]
        public void APackableProjectShipsItsCodeEvenWhenXunitSetsIsTestProject()
        {
            // xunit.core's props set IsTestProject in every project that references xunit; a library that packs itself
            // must set IsPackable, and its shipped files are then analysed.
            var diagnostics = Run(new[] { ShippedFile, XunitTestFile }, "build_property.IsPackable = true\n" + TestProject);
            Assert.Equal(
                new[] { "Test0.cs:MTA001", "Test0.cs:MTA002", "Test0.cs:MTA006", "Test1.cs:MTA001", "Test1.cs:MTA006" },
                Summarise(diagnostics));
        }

        [Fact]
        public void IsTestProjectAloneMakesATestProject()
        {
            var diagnostics = Run(new[] { ShippedFile }, TestProject, extra: FakeFramework("Acme.Testing", "Acme.Testing"));
            Assert.Equal(new[] { "Test0.cs:MTA006" }, Summarise(diagnostics));
        }

        [Fact]
        public void AnalyzeTestProjectsTurnsTheTestFilesOfAPackableLibraryBackOn()
        {
            var diagnostics = Run(new[] { ShippedFile, XunitTestFile }, "build_property.IsPackable = true", "mongo_tls.analyze_test_projects = true");
            Assert.Equal(1, Summarise(diagnostics).Count(d => d == "Test1.cs:MTA002"));
        }

        [Theory]
        [InlineData("nunit.framework", "NUnit.Framework", "TestFixture", "Test")]
        [InlineData("nunit.framework", "NUnit.Framework", "Serializable", "TestCase")]
        [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework", "Microsoft.VisualStudio.TestTools.UnitTesting", "TestClass", "TestMethod")]
        [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework", "Microsoft.VisualStudio.TestTools.UnitTesting", "Serializable", "DataTestMethod")]
        public void TestAttributesOfEveryFrameworkMarkATestFile(string assemblyName, string ns, string classAttribute, string methodAttribute)
        {
            var framework = FakeFramework(assemblyName, ns);
            var testFile = $$"""
using System;
using MongoDB.Driver;
using {{ns}};

[{{classAttribute}}]
public class StoreTests
{
    [{{methodAttribute}}]
    public void Connects() => new MongoClient("mongodb://db.example.com");
}
""";
            var diagnostics = Run(new[] { ShippedFile, testFile }, "build_property.IsPackable = true", extra: framework);
            Assert.DoesNotContain("Test1.cs:MTA002", Summarise(diagnostics));
            Assert.Contains("Test0.cs:MTA002", Summarise(diagnostics));
        }

        [Fact]
        public void AnAttributeNamedLikeATestAttributeButNotATestFrameworksIsNoTestFile()
        {
            var framework = FakeFramework("nunit.framework", "NUnit.Framework");
            const string file = """
using MongoDB.Driver;

namespace Acme
{
    public sealed class TestAttribute : System.Attribute { }
    public sealed class FactAttribute : System.Attribute { }

    public static class Store
    {
        [Test]
        [Fact]
        public static IMongoClient Create() => new MongoClient("mongodb://db.example.com");
    }
}
""";
            var diagnostics = Run(new[] { file }, "build_property.IsPackable = true", extra: framework);
            Assert.Equal(new[] { "Test0.cs:MTA002" }, Summarise(diagnostics));
        }

        [Fact]
        public void WithoutIsPackableAProjectThatReferencesATestFrameworkIsATestProject()
        {
            // A build without the package's props (IsPackable invisible) keeps the framework rule.
            var diagnostics = Run(new[] { ShippedFile }, globalConfig: null);
            Assert.Equal(new[] { "Test0.cs:MTA006" }, Summarise(diagnostics));
        }

        private static ImmutableArray<Diagnostic> Run(string[] sources, string? globalConfig, string? editorConfig = null, MetadataReference? extra = null)
        {
            var compilation = AnalyzerRunner.Compile(sources, DriverVersion.V3)
                .AddReferences(extra ?? MetadataReference.CreateFromFile(typeof(Xunit.FactAttribute).Assembly.Location));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return AnalyzerRunner.Run(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new MongoTlsAnalyzer()), editorConfig, globalConfig);
        }

        private static string[] Summarise(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics.Select(d => Path.GetFileName(d.Location.SourceTree!.FilePath) + ":" + d.Id).OrderBy(s => s, System.StringComparer.Ordinal).ToArray();

        /// <summary>A stand-in for NUnit or MSTest: an assembly of that name with the framework's test attributes.</summary>
        private static MetadataReference FakeFramework(string assemblyName, string ns)
        {
            var source = $$"""
namespace {{ns}}
{
    public class TestAttribute : System.Attribute { }
    public class TestCaseAttribute : System.Attribute { }
    public class TestFixtureAttribute : System.Attribute { }
    public class TestClassAttribute : System.Attribute { }
    public class TestMethodAttribute : System.Attribute { }
    public class DataTestMethodAttribute : TestMethodAttribute { }
}
""";
            var compilation = CSharpCompilation.Create(assemblyName, new[] { CSharpSyntaxTree.ParseText(source) }, TestReferences.For(DriverVersion.None), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new MemoryStream();
            Assert.True(compilation.Emit(stream).Success);
            return MetadataReference.CreateFromImage(stream.ToArray());
        }
    }
}
