using System.Threading.Tasks;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.CaConfigurationRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class CaConfigurationTests
    {
        private const string Remedy = "trust the CA in a validation callback that builds an X509Chain with CustomRootTrust (MongoTlsAnalyzers.Settings' CustomCaCertificateValidator does), or install it in the operating system's trust store";
        private const string CallbackMessage = "This validation callback accepts certificates whose chain does not validate (RemoteCertificateChainErrors) without checking them against your CA, so any self-signed certificate passes; build an X509Chain with CustomRootTrust over your CA (CustomCaCertificateValidator in MongoTlsAnalyzers.Settings does), or pin the server's public key";

        private static string Code(string body, string members = "") => /* lang=c#-test */ $$"""

using System;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
#pragma warning disable SYSLIB0057
class C
{
    {{members}}
    void M(MongoClientSettings settings, string expected)
    {
        {{body}}
    }
}
""";

        [Theory]
        [InlineData("tlsCAFile=/etc/ssl/corp-ca.pem", "tlsCAFile")]
        [InlineData("TLSCAFILE=/etc/ssl/corp-ca.pem", "TLSCAFILE")]
        [InlineData("ssl_ca_certs=/etc/ssl/corp-ca.pem", "ssl_ca_certs")]
        [InlineData("tls_ca_certs=/etc/ssl/corp-ca.pem", "tls_ca_certs")]
        [InlineData("sslCAFile=/etc/ssl/corp-ca.pem", "sslCAFile")]
        [InlineData("net.ssl.CAFile=/etc/ssl/corp-ca.pem", "net.ssl.CAFile")]
        public async Task CaOptionsInUris(string option, string name)
        {
            await Verify.VerifyAsync(
                Code($"var c = new MongoClient(\"mongodb://db.example.com/?tls=true&{{|#0:{option}|}}\");"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage("The option " + name + " is ignored by the .NET driver, so the CA it names is not trusted; " + Remedy));
        }

        [Theory]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:new X509Certificate2(\"/etc/ssl/corp-ca.pem\")|} } };", "/etc/ssl/corp-ca.pem")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new X509Certificate[] { {|#0:X509Certificate.CreateFromCertFile(\"ca.cer\")|} } };", "ca.cer")]
        [InlineData("var ca = {|#0:new X509Certificate2(\"certs/root.CRT\")|}; settings.SslSettings = new SslSettings(); settings.SslSettings.ClientCertificates = new[] { ca };", "certs/root.CRT")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new X509Certificate2Collection({|#0:new X509Certificate2(CaPath)|}).Cast<X509Certificate>() };", "/etc/ssl/ca.pem")]
        public async Task CaCertificatesAddedAsClientCertificates(string body, string file)
        {
            await Verify.VerifyAsync(
                Code(body, "const string CaPath = \"/etc/ssl/ca.pem\";"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage("The certificate from '" + file + "' has no private key but is added to SslSettings.ClientCertificates, which identifies this application to the server and does not make the driver trust a CA; " + Remedy));
        }

        [Fact]
        public async Task CaOptionsTowardAtlasSayThatNoCustomCaIsNeeded()
        {
            await Verify.VerifyAsync(
                Code("var c = new MongoClient(\"mongodb+srv://cluster0.ab123.mongodb.net/?{|#0:tlsCAFile=/etc/ssl/ca.pem|}\");"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage(
                    "The option tlsCAFile is ignored by the .NET driver, and the Atlas cluster 'cluster0.ab123.mongodb.net' needs no custom CA: its certificate chains to a public root that the operating system already trusts, so remove the option; " +
                    "a TLS handshake failure against Atlas (TLSV1_ALERT_INTERNAL_ERROR) usually means that this client's IP address is not on the cluster's IP access list"));
        }

        [Fact]
        public async Task ACaCertificateAndALenientCallbackTowardAtlasSayThatNoCustomCaIsNeeded()
        {
            const string Atlas = "a TLS handshake failure against Atlas (TLSV1_ALERT_INTERNAL_ERROR) usually means that this client's IP address is not on the cluster's IP access list";
            await Verify.VerifyAsync(
                Code("var s = MongoClientSettings.FromConnectionString(\"mongodb+srv://cluster0.ab123.mongodb.net/\"); s.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:new X509Certificate2(\"/etc/ssl/atlas-ca.pem\")|} } };"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage(
                    "The certificate from '/etc/ssl/atlas-ca.pem' has no private key but is added to SslSettings.ClientCertificates, which does not make the driver trust a CA, and the Atlas cluster 'cluster0.ab123.mongodb.net' needs no custom CA: its certificate chains to a public root that the operating system already trusts, so remove it; " + Atlas));
            await Verify.VerifyAsync(
                Code("var s = MongoClientSettings.FromConnectionString(\"mongodb+srv://cluster0.ab123.mongodb.net/\"); s.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|#0:(o, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateChainErrors|} };"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage(
                    "This validation callback accepts certificates whose chain does not validate (RemoteCertificateChainErrors), and the Atlas cluster 'cluster0.ab123.mongodb.net' needs none: its certificate chains to a public root that the operating system already trusts, so remove the callback; " + Atlas));
        }

        private const string CaSources = """
    static byte[] GetResourceBytes(string name) => Array.Empty<byte>();
    static byte[] Bytes() => Array.Empty<byte>();
    static string CaBundlePem => "";
    static readonly X509Certificate2 RootCertificate = new X509Certificate2(Bytes());
    static X509Certificate2 LoadCaCertificate() => new X509Certificate2(Bytes());
    static X509Certificate2 LoadTrust() { var bytes = Bytes(); return new X509Certificate2(bytes); }
    static X509Certificate2 LoadClient() => new X509Certificate2(Bytes());
""";

        [Theory]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:new X509Certificate2(System.IO.File.ReadAllBytes(\"rds-combined-ca-bundle.p7b\"))|} } };", "rds-combined-ca-bundle.p7b")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:new X509Certificate2(GetResourceBytes(\"MyApp.Certs.global-bundle.der\"))|} } };", "MyApp.Certs.global-bundle.der")]
        [InlineData("var caBytes = Bytes(); settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:X509CertificateLoader.LoadCertificate(caBytes)|} } };", "caBytes")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|#0:X509Certificate2.CreateFromPem(CaBundlePem)|} } };", "CaBundlePem")]
        [InlineData("var trustAnchor = {|#0:new X509Certificate2(Bytes())|}; settings.SslSettings = new SslSettings { ClientCertificates = new[] { trustAnchor } };", "trustAnchor")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { LoadCaCertificate() } };", "LoadCaCertificate", "static X509Certificate2 LoadCaCertificate() => {|#0:new X509Certificate2(Bytes())|};")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { LoadTrust() } };", "LoadTrust", "static X509Certificate2 LoadTrust() { var bytes = Bytes(); return {|#0:new X509Certificate2(bytes)|}; }")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { RootCertificate } };", "RootCertificate", "static readonly X509Certificate2 RootCertificate = {|#0:new X509Certificate2(Bytes())|};")]
        public async Task KeylessCertificatesFromSourcesNamedLikeACa(string body, string source, string? marked = null)
        {
            var members = CaSources;
            if (marked is not null)
            {
                var plain = marked.Replace("{|#0:", string.Empty).Replace("|}", string.Empty);
                members = members.Replace(plain, marked);
            }

            await Verify.VerifyAsync(
                Code(body, members),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage("The certificate from '" + source + "' has no private key but is added to SslSettings.ClientCertificates, which identifies this application to the server and does not make the driver trust a CA; " + Remedy));
        }

        [Theory]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { new X509Certificate2(System.IO.File.ReadAllBytes(\"client.pfx\")) } };")]
        [InlineData("var clientCertBytes = Bytes(); settings.SslSettings = new SslSettings { ClientCertificates = new[] { new X509Certificate2(clientCertBytes) } };")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { LoadClient() } };")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { X509Certificate2.CreateFromPem(CaBundlePem, expected) } };")]
        [InlineData("var certs = new System.Collections.Generic.List<X509Certificate>(); certs.Add(new X509Certificate2(GetResourceBytes(\"ca-bundle.der\"))); settings.SslSettings = new SslSettings { ClientCertificates = certs };")]
        [InlineData("var rootCa = new X509Certificate2(Bytes()); var chain = new X509Chain(); chain.ChainPolicy.CustomTrustStore.Add(rootCa);")]
        public async Task KeylessCertificatesThatAreNotACaInClientCertificatesAreSilent(string body)
        {
            await Verify.VerifyAsync(Code(body, CaSources));
        }

        [Theory]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => { if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)) { return true; } return errors == SslPolicyErrors.None; }|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:Lenient|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => errors is SslPolicyErrors.None or SslPolicyErrors.RemoteCertificateChainErrors|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, c, ch, errors) => errors != SslPolicyErrors.RemoteCertificateNameMismatch|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, cert, ch, errors) => errors == SslPolicyErrors.None || cert!.Subject == \"CN=db.example.com\"|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, cert, ch, errors) => errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && cert!.GetSerialNumberString() == expected)|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, cert, ch, errors) => { Console.WriteLine(cert!.GetCertHashString()); return errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors; }|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, cert, ch, errors) => { var chainOnly = errors == SslPolicyErrors.RemoteCertificateChainErrors; if (chainOnly) { return true; } return errors == SslPolicyErrors.None; }|}")]
        [InlineData("ServerCertificateValidationCallback = {|#0:(s, cert, ch, errors) => { if (errors == SslPolicyErrors.None) return true; else if (cert!.Issuer.Contains(\"Corp CA\")) return true; return false; }|}")]
        public async Task CallbacksThatLetChainErrorsThrough(string member)
        {
            await Verify.VerifyAsync(
                Code($"settings.SslSettings = new SslSettings {{ {member} }};", "static bool Lenient(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) { if (e == SslPolicyErrors.RemoteCertificateChainErrors) return true; return e == SslPolicyErrors.None; }"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage(CallbackMessage));
        }

        [Fact]
        public async Task CallbacksThroughClusterConfigurator()
        {
            await Verify.VerifyAsync(
                Code("settings.ClusterConfigurator = cb => cb.ConfigureSsl(ssl => ssl.With(serverCertificateValidationCallback: new RemoteCertificateValidationCallback({|#0:(s, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateChainErrors|})));"),
                Verify.Diagnostic(RuleDescriptors.CaConfigurationIneffective).WithLocation(0).WithMessage(CallbackMessage));
        }

        [Theory]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, errors) => true };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, errors) => errors == SslPolicyErrors.None };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, errors) => errors != SslPolicyErrors.RemoteCertificateChainErrors && errors == SslPolicyErrors.None };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, errors) => { if (errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors)) { return false; } return true; } };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, cert, ch, errors) => (errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors) && cert!.GetCertHashString() == expected };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, cert, ch, errors) => { if (errors == SslPolicyErrors.RemoteCertificateChainErrors) { using var chain = new X509Chain(); chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust; return chain.Build(new X509Certificate2(cert!)); } return errors == SslPolicyErrors.None; } };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, e) => (e & SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, e) => e.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) == false };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, c, ch, e) => { if (e != SslPolicyErrors.None) { throw new InvalidOperationException(e.ToString()); } return true; } };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, cert, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateChainErrors && Convert.ToBase64String(new X509Certificate2(cert!).PublicKey.EncodedKeyValue.RawData) == expected };")]
        [InlineData("settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = (s, cert, ch, e) => { if (e == SslPolicyErrors.None) return true; if (ch is null || !ch.Build(new X509Certificate2(cert!))) return false; return true; } };")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { new X509Certificate2(\"client.pfx\", expected) } };")]
        [InlineData("settings.SslSettings = new SslSettings { ClientCertificates = new[] { X509Certificate2.CreateFromPemFile(\"client.pem\", \"client.key\") } };")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com/?tls=true&tlsCertificateKeyFile=/x.pem\");")]
        [InlineData("var c = new MongoClient(\"mongodb://db.example.com:99999/?tlsCAFile=/ca.pem\");")]
        public async Task SilentCases(string body)
        {
            await Verify.VerifyAsync(Code(body));
        }

        [Fact]
        public async Task FiresInTestProjects()
        {
            await Verify.VerifyAsync(
                Code("var c = new MongoClient(\"mongodb://localhost/?tls=true&{|MTA006:tlsCAFile=ca.pem|}\");"),
                new TestOptions { GlobalConfig = "build_property.IsTestProject = true" });
        }
    }
}
