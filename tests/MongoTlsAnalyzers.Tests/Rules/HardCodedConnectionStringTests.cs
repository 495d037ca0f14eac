using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class HardCodedConnectionStringTests
    {
        public static IEnumerable<object[]> SinkShapeMatrix() =>
            from sink in Enumerable.Range(0, SinkAndShapeCases.Sinks.Length)
            from shape in SinkAndShapeCases.Shapes("MTA002", "mongodb://", "db.example.com", ":27017/app?replicaSet=rs0")
            select new object[] { shape.Name, sink };

        [Theory]
        [MemberData(nameof(SinkShapeMatrix))]
        public async Task EverySinkAndConstantShapeIsReportedOnThePieceHoldingTheHost(string shapeName, int sink)
        {
            var shape = SinkAndShapeCases.Shapes("MTA002", "mongodb://", "db.example.com", ":27017/app?replicaSet=rs0").Single(s => s.Name == shapeName);
            var options = new TestOptions { AdditionalSources = shape.OtherFile is null ? new (string, string)[0] : new[] { ("/0/Settings.cs", shape.OtherFile) } };
            await Verify.VerifyAsync(SinkAndShapeCases.Source(shape, sink), options);
        }

        private static string ServerCode(string body) => /* lang=c#-test */ $$"""
using MongoDB.Driver;

class C
{
    MongoClient M(string host)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("var s = new MongoClientSettings { Server = new MongoServerAddress({|#0:\"10.1.2.3\"|}, 27017) }; return new MongoClient(s);", "10.1.2.3")]
        [InlineData("var s = new MongoClientSettings(); s.Server = new MongoServerAddress({|#0:\"db1.corp.example.net\"|}); return new MongoClient(s);", "db1.corp.example.net")]
        [InlineData("var s = new MongoClientSettings { Servers = new[] { new MongoServerAddress({|#0:\"db1.corp.example.net\"|}), new MongoServerAddress(\"db2.corp.example.net\") } }; return new MongoClient(s);", "db1.corp.example.net")]
        [InlineData("var s = new MongoClientSettings { Servers = new[] { new MongoServerAddress(\"localhost\"), new MongoServerAddress({|#0:\"db2.corp.example.net\"|}) } }; return new MongoClient(s);", "db2.corp.example.net")]
        [InlineData("var b = new MongoUrlBuilder { Server = new MongoServerAddress({|#0:\"mongo.internal\"|}, 27018) }; return new MongoClient(b.ToMongoUrl());", "mongo.internal")]
        [InlineData("var address = new MongoServerAddress({|#0:\"10.1.2.3\"|}, 27017); var s = new MongoClientSettings { Server = address }; return new MongoClient(s);", "10.1.2.3")]
        public async Task ServerAddressesWithAConstantRemoteHostAreReportedOncePerWrite(string body, string host)
        {
            await Verify.VerifyAsync(ServerCode(body), Verify.Diagnostic(RuleDescriptors.HardCodedServerAddress).WithLocation(0).WithArguments(host));
        }

        [Theory]
        [InlineData("var s = new MongoClientSettings { Server = new MongoServerAddress(\"localhost\", 27017) }; return new MongoClient(s);")]
        [InlineData("var s = new MongoClientSettings { Servers = new[] { new MongoServerAddress(\"127.0.0.1\"), new MongoServerAddress(\"::1\") } }; return new MongoClient(s);")]
        [InlineData("var s = new MongoClientSettings { Server = new MongoServerAddress(host) }; return new MongoClient(s);")]
        [InlineData("var s = new MongoClientSettings { Server = new MongoServerAddress(\"<host>\") }; return new MongoClient(s);")]
        [InlineData("var s = new MongoClientSettings { Server = new MongoServerAddress(System.Environment.GetEnvironmentVariable(\"MONGO_HOST\") ?? \"localhost\") }; return new MongoClient(s);")]
        public async Task LoopbackAndNonConstantServerAddressesAreSilent(string body)
        {
            await Verify.VerifyAsync(ServerCode(body));
        }

        [Fact]
        public async Task ServerAddressesAreSilentInTestCode()
        {
            await Verify.VerifyAsync(
                ServerCode("var s = new MongoClientSettings { Server = new MongoServerAddress(\"10.1.2.3\", 27017) }; return new MongoClient(s);"),
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
        }

        [Fact]
        public async Task MessageNamesTheHost()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|#0:"mongodb+srv://<user>:<password>@Cluster0.ab123.mongodb.net/?retryWrites=true"|});
}
""",
                Verify.Diagnostic(RuleDescriptors.HardCodedConnectionString).WithLocation(0).WithArguments("cluster0.ab123.mongodb.net"));
        }

        [Theory]
        [InlineData("mongodb://db.example.com")]
        [InlineData("mongodb://user@db.example.com/?authMechanism=MONGODB-X509")]
        [InlineData("mongodb://user:<password>@db.example.com")]
        [InlineData("mongodb://user:{0}@db.example.com")]
        [InlineData("mongodb://user:****@db.example.com")]
        [InlineData("mongodb://user:@db.example.com")]
        [InlineData("mongodb://localhost,db.example.com:27018")]
        [InlineData("mongodb+srv://cluster0.example.net")]
        [InlineData("mongodb://10.0.0.5:27017/?tls=true")]
        public async Task RemoteHostWithoutRealCredentialsFires(string uri)
        {
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|MTA002:"{{uri}}"|});
}
""");
        }

        /// <summary>A URI the driver rejects is MTA011's alone (a user without a password, at new MongoClient; tls=yes anywhere).</summary>
        [Theory]
        [InlineData("mongodb://user@db.example.com")]
        [InlineData("mongodb://db.example.com/?tls=yes")]
        [InlineData("mongodb+srv://cluster0.example.net:27017")]
        public async Task RejectedUrisAreLeftToMta011(string uri)
        {
            await Verify.VerifyAsync("using MongoDB.Driver; class C { object M() => new MongoClient(\"" + uri + "\"); }");
        }

        [Theory]
        [InlineData("mongodb://localhost")]
        [InlineData("mongodb://localhost:27017,127.0.0.1:27018/?replicaSet=rs0")]
        [InlineData("mongodb://[::1]")]
        [InlineData("mongodb://%2Ftmp%2Fmongodb-27017.sock")]
        [InlineData("mongodb://admin:S3cret@db.example.com")]
        [InlineData("mongodb:/db.example.com")]
        [InlineData("MONGODB://db.example.com")]
        [InlineData(" mongodb://db.example.com")]
        [InlineData("see mongodb://db.example.com")]
        public async Task SilentCases(string uri)
        {
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("{{uri}}");
}
""");
        }

        [Fact]
        public async Task OnlyNonConstantHostsAreSilent()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M(string host) => new MongoClient($"mongodb://{host}:27017/app");
    object N(string host) => new MongoClient("mongodb://" + host + "/app");
}
""");
        }

        [Fact]
        public async Task SilentInTestProjectsByBuildProperty()
        {
            var options = new TestOptions { GlobalConfig = "build_property.IsTestProject = true" };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("mongodb://db.example.com");
}
""", options);
        }

        [Fact]
        public async Task FiresInTestProjectsWhenConfigured()
        {
            var options = new TestOptions
            {
                GlobalConfig = "build_property.IsTestProject = true",
                EditorConfig = "mongo_tls.analyze_test_projects = true",
            };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|MTA002:"mongodb://db.example.com"|});
}
""", options);
        }

        [Theory]
        [InlineData("xunit.core")]
        [InlineData("nunit.framework")]
        [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
        public void SilentInProjectsThatReferenceATestFramework(string testFramework)
        {
            // A stand-in assembly with the test framework's name is enough: detection is by reference name.
            var fake = CSharpCompilation.Create(testFramework, new[] { CSharpSyntaxTree.ParseText("public class Marker { }") }, TestReferences.For(DriverVersion.None),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var stream = new System.IO.MemoryStream();
            Assert.True(fake.Emit(stream).Success);
            var image = MetadataReference.CreateFromImage(stream.ToArray());
            var source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://db.example.com\"); Marker? _m; }";
            var withFramework = AnalyzerRunner.Compile(new[] { source }, DriverVersion.V3).AddReferences(image);
            var without = AnalyzerRunner.Compile(new[] { source.Replace("Marker? _m;", string.Empty) }, DriverVersion.V3);
            var analyzers = ImmutableArray.Create(TestDefaults.HostOf<MongoTlsAnalyzers.Rules.HardCodedConnectionStringRule>());

            Assert.Empty(AnalyzerRunner.Run(withFramework, analyzers));
            Assert.Single(AnalyzerRunner.Run(without, analyzers));
        }

        [Fact]
        public async Task LocalHostVariableAssignedOnceIsReportedOnItsLiteral()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M()
    {
        var host = {|MTA002:"db.example.com"|};
        var other = "db2.example.com";
        other = "db3.example.com";
        var a = new MongoClient($"mongodb://{host}:27017");
        return new MongoClient($"mongodb://{other}:27017");
    }
}
""");
        }

        [Fact]
        public async Task ConstantUriUsedByAConcatenationIsReportedOnce()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    const string Base = {|MTA002:"mongodb://db.example.com:27017"|};
    object A() => new MongoClient(Base + "/app");
    object B() => new MongoClient(Base + "/?tls=true");
    object D() => new MongoClient(Base);
}
""");
        }


        [Fact]
        public async Task PublicFieldsWrittenTwiceAreNotConstant()
        {
            // A public static readonly field is looked up in its own type (the only place that can write it),
            // a public mutable field in every file: both second writes must be found.
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object A() => new MongoClient("mongodb://" + Settings.ReadOnlyHost + ":27017");
    object B() => new MongoClient("mongodb://" + Settings.MutableHost + ":27017");
}
""",
                new TestOptions
                {
                    AdditionalSources = new[]
                    {
                        ("/0/Settings.cs", /* lang=c#-test */ """

public static class Settings
{
    public static readonly string ReadOnlyHost = "db.example.com";
    public static string MutableHost = "db2.example.com";
    static Settings() { ReadOnlyHost = "db3.example.com"; }
}
"""),
                        ("/0/Startup.cs", /* lang=c#-test */ """

public static class Startup
{
    public static void Configure(string host) { Settings.MutableHost = host; }
}
"""),
                    },
                });
        }
    }
}
