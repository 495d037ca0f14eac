using System.Threading.Tasks;
using MongoTlsAnalyzers.CodeFixes.Fixes;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.CodeFixVerifier<MongoTlsAnalyzers.Rules.CaConfigurationRule, MongoTlsAnalyzers.CodeFixes.Fixes.CaConfigurationFixer>;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    public sealed class CaConfigurationFixerTests
    {
        /// <summary>The BCL methods the fix writes; <see cref="GeneratedCaCodeRuntimeTests"/> runs them against a real TLS peer.</summary>
        internal const string BclMethods = /* lang=c#-test */ """


    /// <summary>Trusts the CA certificates in a PEM file for the server's certificate; every other check stays fatal.</summary>
    private static RemoteCertificateValidationCallback ValidateWithCustomCa(string caFile)
    {
        var trustedRoots = new X509Certificate2Collection();
        trustedRoots.ImportFromPemFile(caFile);
        if (trustedRoots.Count == 0)
        {
            throw new System.InvalidOperationException($"No PEM certificate found in '{caFile}'.");
        }

        return (sender, certificate, chain, errors) =>
        {
            // Only chain errors may be overruled, and only by a chain that ends at the configured CA.
            if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
            {
                return false;
            }

            using var customChain = new X509Chain();
            customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            customChain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
            customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (chain is not null)
            {
                // The intermediates the server sent, so a certificate issued by an intermediate CA still chains.
                foreach (var element in chain.ChainElements)
                {
                    customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
                }
            }

            return customChain.Build(new X509Certificate2(certificate));
        };
    }
""";

        [Fact]
        public async Task MovesTlsCaFileIntoAValidatorWithBclCode()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using MongoDB.Driver;

class Orders
{
    object Connect() => new MongoClient("mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}");
}
""", /* lang=c#-test */ """

using MongoDB.Driver;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

class Orders
{
    object Connect() => new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString("mongodb://db.example.com/?tls=true"), "/etc/ssl/corp-ca.pem"));
""" + BclMethods + /* lang=c#-test */ """


    /// <summary>Makes <paramref name="settings"/> trust the CA certificates in a PEM file.</summary>
    private static MongoClientSettings TrustCustomCa(MongoClientSettings settings, string caFile)
    {
        // Clone keeps what the connection string set (revocation checks, protocols).
        var sslSettings = settings.SslSettings?.Clone() ?? new SslSettings();
        sslSettings.ServerCertificateValidationCallback = ValidateWithCustomCa(caFile);
        settings.SslSettings = sslSettings;
        return settings;
    }
}
""", CaConfigurationFixer.TrustKey);
        }

        [Fact]
        public async Task ReplacesACaInClientCertificatesWithAValidator()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;

class Orders
{
    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ClientCertificates = new[] { {|MTA006:new X509Certificate2("/etc/ssl/corp-ca.crt")|} } };
    }
}
""", /* lang=c#-test */ """

using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;
using System.Net.Security;

class Orders
{
    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = ValidateWithCustomCa("/etc/ssl/corp-ca.crt") };
    }
""" + BclMethods + /* lang=c#-test */ """

}
""", CaConfigurationFixer.TrustKey);
        }

        [Fact]
        public async Task LeavesAClientCertificateCaAloneWhenTheSettingsAlreadyHaveACallback()
        {
            const string source = /* lang=c#-test */ """

using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;

class Orders
{
    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings
        {
            ClientCertificates = new[] { {|MTA006:new X509Certificate2("/etc/ssl/corp-ca.crt")|} },
            ServerCertificateValidationCallback = (s, c, ch, e) => e == SslPolicyErrors.None,
        };
    }
}
""";
            await Verify.VerifyAsync(source, source, CaConfigurationFixer.TrustKey);
        }

        [Fact]
        public async Task ReplacesALenientCallbackReadingTheCaFileFromConfiguration()
        {
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System.Net.Security;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;

class Orders
{
    void Configure(MongoClientSettings settings, IConfiguration configuration)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA006:(s, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateChainErrors|} };
    }
}
""", /* lang=c#-test */ """

using System.Net.Security;
using Microsoft.Extensions.Configuration;
using MongoDB.Driver;
using System.Security.Cryptography.X509Certificates;

class Orders
{
    void Configure(MongoClientSettings settings, IConfiguration configuration)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = ValidateWithCustomCa(configuration["MongoDB:Tls:CaCertificatePath"] ?? throw new System.InvalidOperationException("Set MongoDB:Tls:CaCertificatePath to the CA certificate file (PEM).")) };
    }
""" + BclMethods + /* lang=c#-test */ """

}
""", CaConfigurationFixer.TrustKey);
        }

        [Fact]
        public async Task UsesTheRuntimeHelperWhenItIsReferenced()
        {
            var options = new TestOptions { Drivers = new[] { DriverVersion.V3 }, ReferenceHelper = true };
            await Verify.VerifyAsync(/* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;

class Orders
{
    object Connect() => MongoClientSettings.FromConnectionString("mongodb://db.example.com/?tls=true&{|MTA006:ssl_ca_certs=/etc/ssl/ca.pem|}&w=majority");

    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA006:(s, c, ch, e) => e == SslPolicyErrors.None || e == SslPolicyErrors.RemoteCertificateChainErrors|} };
    }
}
""", /* lang=c#-test */ """

using System.Net.Security;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

class Orders
{
    object Connect() => MongoClientSettings.FromConnectionString("mongodb://db.example.com/?tls=true&w=majority").WithCustomCa("/etc/ssl/ca.pem");

    void Configure(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings { ServerCertificateValidationCallback = CustomCaCertificateValidator.FromPemFile(System.Environment.GetEnvironmentVariable("MONGODB_TLS_CA_FILE") ?? throw new System.InvalidOperationException("Set the MONGODB_TLS_CA_FILE environment variable to the CA certificate file (PEM).")).Validate };
    }
}
""", CaConfigurationFixer.TrustKey, options);
        }

        /// <summary>A top-level program (<c>dotnet new webapi</c>'s Program.cs) has no type: the code goes after its statements as static local functions.</summary>
        [Fact]
        public async Task WritesLocalFunctionsInTopLevelStatements()
        {
            var options = new TestOptions { OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication };
            await Verify.VerifyAsync(/* lang=c#-test */ """
using System.Net.Security;
using MongoDB.Driver;

var client = new MongoClient("mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/corp-ca.pem|}");
var reporting = new MongoClient(MongoClientSettings.FromConnectionString("mongodb://reports.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/reports-ca.pem|}"));
var settings = new MongoClientSettings { SslSettings = new SslSettings { ServerCertificateValidationCallback = {|MTA006:(s, c, chain, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors|} } };
System.Console.WriteLine(client.Settings.ApplicationName);

record Marker(int Id);
""", /* lang=c#-test */ """
using System.Net.Security;
using MongoDB.Driver;
using System.Security.Cryptography.X509Certificates;

var client = new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString("mongodb://db.example.com/?tls=true"), "/etc/ssl/corp-ca.pem"));
var reporting = new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString("mongodb://reports.example.com/?tls=true"), "/etc/ssl/reports-ca.pem"));
var settings = new MongoClientSettings { SslSettings = new SslSettings { ServerCertificateValidationCallback = ValidateWithCustomCa(System.Environment.GetEnvironmentVariable("MONGODB_TLS_CA_FILE") ?? throw new System.InvalidOperationException("Set the MONGODB_TLS_CA_FILE environment variable to the CA certificate file (PEM).")) } };
System.Console.WriteLine(client.Settings.ApplicationName);

// Trusts the CA certificates in a PEM file for the server's certificate; every other check stays fatal.
static RemoteCertificateValidationCallback ValidateWithCustomCa(string caFile)
{
    var trustedRoots = new X509Certificate2Collection();
    trustedRoots.ImportFromPemFile(caFile);
    if (trustedRoots.Count == 0)
    {
        throw new System.InvalidOperationException($"No PEM certificate found in '{caFile}'.");
    }

    return (sender, certificate, chain, errors) =>
    {
        // Only chain errors may be overruled, and only by a chain that ends at the configured CA.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var customChain = new X509Chain();
        customChain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        customChain.ChainPolicy.CustomTrustStore.AddRange(trustedRoots);
        customChain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            // The intermediates the server sent, so a certificate issued by an intermediate CA still chains.
            foreach (var element in chain.ChainElements)
            {
                customChain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return customChain.Build(new X509Certificate2(certificate));
    };
}

// Makes settings trust the CA certificates in a PEM file.
static MongoClientSettings TrustCustomCa(MongoClientSettings settings, string caFile)
{
    // Clone keeps what the connection string set (revocation checks, protocols).
    var sslSettings = settings.SslSettings?.Clone() ?? new SslSettings();
    sslSettings.ServerCertificateValidationCallback = ValidateWithCustomCa(caFile);
    settings.SslSettings = sslSettings;
    return settings;
}

record Marker(int Id);
""", CaConfigurationFixer.TrustKey, options);
        }
    }
}
