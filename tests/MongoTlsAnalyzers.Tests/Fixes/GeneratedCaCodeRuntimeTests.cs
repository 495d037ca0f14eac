using System;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MongoTlsAnalyzers.Tests.Infrastructure;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>
    /// The code MTA006's BCL fix writes (compared text-for-text in <see cref="CaConfigurationFixerTests"/>) compiled
    /// and run against openssl s_server: it must trust the configured CA, and only it.
    /// </summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class GeneratedCaCodeRuntimeTests
    {
        private static readonly Lazy<Func<string, RemoteCertificateValidationCallback>> Generated = new Lazy<Func<string, RemoteCertificateValidationCallback>>(Compile);

        private readonly TestCertificates _certificates;

        public GeneratedCaCodeRuntimeTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        private TestCertificates Certificates => _certificates;

        [Theory]
        [InlineData("right CA", true)]
        [InlineData("right CA, server certificate from an intermediate", true)]
        [InlineData("bundle with the right CA", true)]
        [InlineData("wrong CA", false)]
        [InlineData("expired", false)]
        [InlineData("wrong host", false)]
        [InlineData("issued by another CA", false)]
        public void TheGeneratedValidatorTrustsOnlyTheConfiguredCa(string scenario, bool accepted)
        {
            var certificates = Certificates;
            var caFile = scenario switch
            {
                "wrong CA" => certificates.OtherCaPemPath,
                "bundle with the right CA" => certificates.BundlePemPath,
                _ => certificates.CaPemPath,
            };
            var validator = Generated.Value(caFile);
            using var server = scenario switch
            {
                "expired" => OpenSslServer.Start(certificates.Expired),
                "wrong host" => OpenSslServer.Start(certificates.WrongHost),
                "issued by another CA" => OpenSslServer.Start(certificates.FromOtherCa),
                "right CA, server certificate from an intermediate" => OpenSslServer.Start(certificates.ServerViaIntermediate, certificates.IntermediatePemPath),
                _ => OpenSslServer.Start(certificates.Server),
            };

            Assert.Equal(accepted, TlsHandshake.Succeeds(server.Port, validator));
        }

        [Fact]
        public void AFileWithoutPemCertificatesIsRefusedAtStartNotAtEveryHandshake()
        {
            var der = Certificates.Write("ca.der.crt", Convert.ToBase64String(Certificates.CaCertificate.RawData));
            var failure = Assert.Throws<TargetInvocationException>(() => Generated.Value(der));
            var inner = Assert.IsType<InvalidOperationException>(failure.InnerException);
            Assert.Equal($"No PEM certificate found in '{der}'.", inner.Message);
        }

        private static Func<string, RemoteCertificateValidationCallback> Compile()
        {
            var source = /* lang=c#-test */ """

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

public static class GeneratedByTheFix
{
    public static RemoteCertificateValidationCallback Create(string caFile) => ValidateWithCustomCa(caFile);

""" + CaConfigurationFixerTests.BclMethods + /* lang=c#-test */ """

}
""";
            var compilation = CSharpCompilation.Create(
                "GeneratedCaCode",
                new[] { CSharpSyntaxTree.ParseText(source, TestDefaults.ParseOptions(TestOptions.Default)) },
                TestReferences.For(DriverVersion.V3),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            var create = Assembly.Load(image.ToArray()).GetType("GeneratedByTheFix")!.GetMethod("Create")!;
            return caFile => (RemoteCertificateValidationCallback)create.Invoke(null, new object[] { caFile })!;
        }
    }
}
