using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class HardCodedCredentialsTests
    {
        public static IEnumerable<object[]> SinkShapeMatrix() =>
            from sink in Enumerable.Range(0, SinkAndShapeCases.Sinks.Length)
            from shape in SinkAndShapeCases.Shapes("MTA001", "mongodb://admin:", "S3cret", "@db.example.com/app")
            select new object[] { shape.Name, sink };

        [Theory]
        [MemberData(nameof(SinkShapeMatrix))]
        public async Task EverySinkAndConstantShapeIsReportedOnThePieceHoldingThePassword(string shapeName, int sink)
        {
            var shape = SinkAndShapeCases.Shapes("MTA001", "mongodb://admin:", "S3cret", "@db.example.com/app").Single(s => s.Name == shapeName);
            var options = new TestOptions { AdditionalSources = shape.OtherFile is null ? new (string, string)[0] : new[] { ("/0/Settings.cs", shape.OtherFile) } };
            await Verify.VerifyAsync(SinkAndShapeCases.Source(shape, sink), options);
        }

        [Fact]
        public async Task MessageIsRedacted()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|#0:"mongodb://admin:Tr0ub4dor%263@db.example.com:27017/app?authSource=admin"|});
}
""";
            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials)
                    .WithLocation(0)
                    .WithMessage("The MongoDB connection string 'mongodb://admin:****@db.example.com:27017/app?…' contains a hard-coded password; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"));
        }

        [Fact]
        public void NoMessageContainsThePassword()
        {
            // Run the analyzer over every shape and sink and read the rendered messages.
            var messages = AnalyzerRunner.Messages<MongoTlsAnalyzers.Rules.HardCodedCredentialsRule>(
                SinkAndShapeCases.Shapes("MTA001", "mongodb://admin:", "Tr0ub4dor", "@db.example.com/app")
                    .Select(shape => (SinkAndShapeCases.Source(shape, 0), shape.OtherFile)));
            Assert.NotEmpty(messages);
            Assert.All(messages, message => Assert.DoesNotContain("Tr0ub4dor", message));
        }

        [Fact]
        public async Task ConstantUsedByManySinksIsReportedOnce()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    const string Conn = {|MTA001:"mongodb://admin:S3cret@db.example.com"|};
    object A() => new MongoClient(Conn);
    object B() => MongoClientSettings.FromConnectionString(Conn);
    object D() => new MongoUrl(Conn + "/?appName=x");
    object E() => new MongoUrlBuilder($"{Conn}/other");
}
""");
        }

        [Theory]
        [InlineData("<password>")]
        [InlineData("<db_password>")]
        [InlineData("{0}")]
        [InlineData("{1}")]
        [InlineData("{password}")]
        [InlineData("${MONGO_PASSWORD}")]
        [InlineData("%MONGO_PASSWORD%")]
        [InlineData("****")]
        [InlineData("xxxxxx")]
        [InlineData("password")]
        [InlineData("PASSWORD")]
        [InlineData("Pass")]
        [InlineData("pwd")]
        [InlineData("secret")]
        [InlineData("ChangeMe")]
        [InlineData("")]
        public async Task PlaceholderPasswordsAreNotCredentials(string password)
        {
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("mongodb://admin:{{password}}@db.example.com");
    object N() => new MongoClient(string.Format("mongodb://admin:{{password}}@db.example.com", "x", "y"));
}
""");
        }

        [Fact]
        public async Task UserWithoutPasswordIsNotCredentials()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("mongodb://CN=client@db.example.com/?authMechanism=MONGODB-X509&tls=true");
}
""");
        }

        [Fact]
        public async Task PasswordFromANonConstantHoleIsAPlaceholder()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M(string password) => new MongoClient($"mongodb://admin:{password}@db.example.com");
    object N() => new MongoClient($"mongodb://admin:{System.Environment.GetEnvironmentVariable("PW")}@db.example.com");
}
""");
        }

        [Theory]
        [InlineData("localhost")]
        [InlineData("LOCALHOST:27017")]
        [InlineData("127.0.0.1")]
        [InlineData("127.10.20.30:27018")]
        [InlineData("[::1]")]
        [InlineData("[::1]:27017")]
        [InlineData("%2Ftmp%2Fmongodb-27017.sock")]
        [InlineData("localhost,127.0.0.1:27018")]
        public async Task LoopbackHostsAreSilent(string hosts)
        {
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object M() => new MongoClient("mongodb://admin:S3cret@{{hosts}}/app");
}
""");
        }

        [Theory]
        [InlineData("localhost,db.example.com")]
        [InlineData("10.0.0.5")]
        [InlineData("[2001:db8::1]:27017")]
        [InlineData("0.0.0.0")]
        public async Task AnyRemoteHostFires(string hosts)
        {
            await Verify.VerifyAsync(/* lang=c#-test */ $$"""

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|MTA001:"mongodb://admin:S3cret@{{hosts}}/app"|});
}
""");
        }

        [Fact]
        public async Task NonConstantHostCountsAsRemote()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M(string host) => new MongoClient({|MTA001:$"mongodb://admin:S3cret@{host}:27017"|});
}
""");
        }

        [Fact]
        public async Task SrvSchemeIsAnalysed()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|MTA001:"mongodb+srv://app:9fJ2kLx@cluster0.ab123.mongodb.net/?retryWrites=true"|});
}
""");
        }

        [Fact]
        public async Task FallbackPasswordInAnInterpolationHoleIsReportedOnTheFallback()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System;
using MongoDB.Driver;
class C
{
    object M() => new MongoClient($"mongodb://admin:{Environment.GetEnvironmentVariable("MONGO_PW") ?? {|#0:"hunter22"|}}@db.example.com/app");
}
""",
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials)
                    .WithLocation(0)
                    .WithMessage("The fallback value in the MongoDB connection string 'mongodb://admin:****@db.example.com/app' is a hard-coded password; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"));
        }

        [Fact]
        public async Task LocalAssignedTwiceDoesNotFold()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M(bool prod)
    {
        var password = "S3cret";
        if (prod) password = "Other";
        return new MongoClient($"mongodb://admin:{password}@db.example.com");
    }
}
""");
        }

        [Fact]
        public async Task LocalAssignedOnceFoldsAndIsReportedOnItsLiteral()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M()
    {
        var password = {|#0:"S3cret"|};
        return new MongoClient($"mongodb://admin:{password}@db.example.com");
    }
}
""",
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials)
                    .WithLocation(0)
                    .WithMessage("'password' holds a hard-coded password that is used in a MongoDB connection string; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"));
        }

        [Fact]
        public async Task ConstantPasswordInAnotherFileIsReportedOnItsDeclaration()
        {
            var options = new TestOptions
            {
                AdditionalSources = new[] { ("/0/Secrets.cs", "static class Secrets { public const string Password = {|MTA001:\"S3cret\"|}; }") },
            };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object A() => new MongoClient($"mongodb://admin:{Secrets.Password}@db1.example.com");
    object B() => new MongoClient("mongodb://admin:" + Secrets.Password + "@db2.example.com");
}
""", options);
        }

        [Fact]
        public async Task CredentialApisWithConstantPasswordsFire()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    const string Pw = "S3cret";
    void M(string user, string pw)
    {
        var a = MongoCredential.CreateCredential("admin", "app", {|#0:"S3cret"|});
        var b = MongoCredential.CreatePlainCredential("$external", "app", {|#1:Pw|});
        var c = MongoCredential.CreateGssapiCredential("app@EXAMPLE.COM", password: {|#2:"S3cret"|});
        var d = new PasswordEvidence({|#3:"S3cret"|});
        var e = MongoCredential.CreateCredential("admin", user, pw);
        var f = MongoCredential.CreateCredential("admin", "app", "<password>");
        var g = MongoCredential.CreateCredential("admin", "app", {|#4:"app"|});
        var h = MongoCredential.CreateGssapiCredential("app@EXAMPLE.COM");
    }
}
""",
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(0).WithMessage("MongoCredential.CreateCredential is given a hard-coded password for user 'app'; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"),
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(1).WithMessage("MongoCredential.CreatePlainCredential is given a hard-coded password for user 'app'; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"),
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(2).WithMessage("MongoCredential.CreateGssapiCredential is given a hard-coded password for user 'app@EXAMPLE.COM'; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"),
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(3).WithMessage("new PasswordEvidence is given a hard-coded password; read the connection string or password from configuration or a secret store instead, and rotate the exposed password"),
                // A password equal to the user name is real and weak; the message does not name the user, who is the password.
                Verify.Diagnostic(RuleDescriptors.HardCodedCredentials).WithLocation(4).WithMessage("MongoCredential.CreateCredential is given a hard-coded password that is also weak, because it equals the user name; read the connection string or password from configuration or a secret store instead, and rotate the exposed password for a strong one"));
        }

        [Fact]
        public async Task UrlBuilderPasswordFiresUnlessTheBuilderIsLoopback()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    void Remote()
    {
        var b = new MongoUrlBuilder();
        b.Server = new MongoServerAddress("db.example.com", 27017);
        b.Password = {|MTA001:"S3cret"|};
    }

    void Unknown(MongoUrlBuilder b)
    {
        b.Password = {|MTA001:"S3cret"|};
    }

    void Local()
    {
        var b = new MongoUrlBuilder();
        b.Server = new MongoServerAddress("localhost", 27017);
        b.Password = "S3cret";
    }

    void LocalFromUri()
    {
        var b = new MongoUrlBuilder("mongodb://127.0.0.1:27017");
        b.Password = "S3cret";
    }

    object InitializerLocal() => new MongoUrlBuilder { Server = new MongoServerAddress("localhost"), Username = "app", Password = "S3cret" };

    object InitializerRemote() => new MongoUrlBuilder { Servers = new[] { new MongoServerAddress("localhost"), new MongoServerAddress("db2.example.com") }, Password = {|MTA001:"S3cret"|} };
}
""");
        }

        [Fact]
        public async Task AWeakPasswordIsReportedWithoutTheUserName()
        {
            const string source = /* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object M() => new MongoClient({|#0:"mongodb+srv://dbadmin:dbadmin@cluster0.x1y2z.mongodb.net/app?retryWrites=true"|});
    object Local() => new MongoClient("mongodb://dbadmin:dbadmin@localhost/app");
}
""";
            await Verify.VerifyAsync(
                source,
                Verify.Diagnostic(RuleDescriptors.HardCodedWeakCredentials)
                    .WithLocation(0)
                    .WithMessage("The MongoDB connection string 'mongodb+srv://****:****@cluster0.x1y2z.mongodb.net/app?…' contains a hard-coded password that is also weak, because it equals the user name; read the connection string or password from configuration or a secret store instead, and rotate the exposed password for a strong one"));
        }

        [Fact]
        public async Task AWeakPasswordInAConstantIsReportedThere()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    const string Password = {|MTA001:"app"|};
    object M() => new MongoClient("mongodb://app:" + Password + "@db.acme.io");
}
""");
        }

        [Fact]
        public async Task FiresInTestProjectsForRemoteHosts()
        {
            var options = new TestOptions { GlobalConfig = "build_property.IsTestProject = true" };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
class C
{
    object Remote() => new MongoClient({|MTA001:"mongodb://admin:S3cret@cluster0.x1y2z.mongodb.net"|});
    object Local() => new MongoClient("mongodb://admin:S3cret@localhost");
}
""", options);
        }

        [Fact]
        public async Task InactiveRegionsCommentsAndDocsAreIgnored()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;
/// <summary>Connects with mongodb://admin:S3cret@db.example.com</summary>
class C
{
    // new MongoClient("mongodb://admin:S3cret@db.example.com");
    /* "mongodb://admin:S3cret@db.example.com" */
    object M()
    {
#if NEVER_DEFINED
        return new MongoClient("mongodb://admin:S3cret@db.example.com");
#else
        return new MongoClient("mongodb://localhost");
#endif
    }
}
""");
        }

        [Fact]
        public async Task WithoutTheDriverNothingIsReported()
        {
            var options = new TestOptions { Drivers = new[] { DriverVersion.None } };
            await Verify.VerifyAsync(/* lang=c#-test */ """

class C
{
    string M() => "mongodb://admin:S3cret@db.example.com";
}
""", options);
        }

        [Fact]
        public async Task AUriAnywhereIsAnalysedWithoutASink()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System.Collections.Generic;
class C
{
    public const string Conn = {|MTA001:"mongodb://admin:S3cret@db.example.com"|};
    public string Property { get; } = {|MTA001:"mongodb://admin:S3cret@db2.example.com"|};
    public Dictionary<string, string> Map = new() { ["mongo"] = {|MTA001:"mongodb://admin:S3cret@db3.example.com"|} };
    void M(string s = {|MTA001:"mongodb://admin:S3cret@db4.example.com"|}) { }
}
""");
        }
    }
}
