using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>
    /// The URI-text rules in JSON configuration files (docs/architecture.md "Configuration files"): exact spans inside the JSON string, file roles
    /// (Development files silence MTA002, MTA003, MTA007 and MTA009), loopback and placeholders, and wordings.
    /// </summary>
    public sealed class ConfigurationFileRuleTests
    {
        private const string AppSettings = "/0/appsettings.json";
        private const string Development = "/0/appsettings.Development.json";
        private const string LaunchSettings = "/0/Properties/launchSettings.json";

        private static string Connection(string value) => "{\n  \"ConnectionStrings\": {\n    \"MongoDB\": \"" + value + "\"\n  }\n}\n";

        private static (string, string)[] File(string path, string text) => new[] { (path, text) };

        [Fact]
        public async Task PasswordInAppSettingsIsReportedOnTheUserInfoWithARedactedMessageThatSaysWhereItGoes()
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                File(AppSettings, Connection("mongodb://{|#0:orders:Tr0ub4dor|}@db.example.com:27017/orders?authSource=admin")),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.HardCodedCredentialsInConfigurationFile)
                    .WithLocation(0)
                    .WithMessage("The MongoDB connection string 'mongodb://orders:****@db.example.com:27017/orders?…' under 'ConnectionStrings:MongoDB' in appsettings.json contains a committed password; keep it out of committed files: in Development use user secrets (dotnet user-secrets set \"ConnectionStrings:MongoDB\" ...), elsewhere the environment variable ConnectionStrings__MongoDB (MongoDB__ConnectionString or ConnectionStrings__MongoDB for the usual keys), and rotate the exposed password"));
        }

        [Theory]
        [InlineData(AppSettings)]
        [InlineData(Development)]
        [InlineData("/0/appsettings.Staging.json")]
        public async Task ARealPasswordToARemoteHostIsALeakInEveryFile(string path)
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                File(path, "{ \"MongoDB\": { \"ConnectionString\": \"mongodb+srv://{|MTA001:app:Kx8vQ2pL|}@cluster0.ab1cd.mongodb.net/shop\" } }"));
        }

        [Theory]
        [InlineData(AppSettings, "mongodb://app:S3cret@localhost:27017/shop")]
        [InlineData(Development, "mongodb://app:S3cret@127.0.0.1,localhost:27018/shop")]
        [InlineData(AppSettings, "mongodb://app:<password>@db.example.com/shop")]
        [InlineData(AppSettings, "mongodb://app:${MONGO_PASSWORD}@db.example.com/shop")]
        [InlineData(AppSettings, "mongodb://app:changeme@db.example.com/shop")]
        [InlineData(AppSettings, "mongodb://app@db.example.com/shop?authMechanism=MONGODB-X509")]
        [InlineData("/0/other.json", "mongodb://app:S3cret@db.example.com/shop")]
        [InlineData("/0/bin/Debug/net8.0/appsettings.json", "mongodb://app:S3cret@db.example.com/shop")]
        [InlineData("/0/obj/appsettings.json", "mongodb://app:S3cret@db.example.com/shop")]
        public async Task LoopbackPlaceholdersOtherFilesAndBuildCopiesAreSilent(string path, string uri)
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(File(path, Connection(uri)));
        }

        /// <summary>MTA011 in a configuration file: an unencoded '@' in the password makes the application fail at start-up.</summary>
        [Fact]
        public async Task AConnectionStringTheDriverRejectsIsReportedInJsonToo()
        {
            await ConfigurationFileVerifier<ConnectionStringRejectedRule>.VerifyAsync(
                File(AppSettings, "{ \"MongoDB\": { \"ConnectionString\": \"mongodb://{|MTA011:app:p@ss|}@db.example.com/shop\" } }"));
            await ConfigurationFileVerifier<ConnectionStringRejectedRule>.VerifyAsync(
                File(AppSettings, "{ \"MongoDB\": { \"ConnectionString\": \"mongodb://app:p%40ss@db.example.com/shop\" } }"));
        }

        /// <summary>Atlas: the server's certificate chains to a public root, so the message says to remove the override or CA and check the IP access list.</summary>
        [Fact]
        public async Task AtlasHostsGetTheAtlasWordingInJson()
        {
            const string Atlas = "a TLS handshake failure against Atlas (TLSV1_ALERT_INTERNAL_ERROR) usually means that this client's IP address is not on the cluster's IP access list";
            await ConfigurationFileVerifier<CertificateValidationDisabledRule>.VerifyAsync(
                File(AppSettings, Connection("mongodb+srv://cluster0.ab123.mongodb.net/?{|#0:tlsInsecure=true|}")),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.CertificateValidationDisabledOnAtlasInConfigurationFile).WithLocation(0)
                    .WithMessage("The option tlsInsecure=true in appsettings.json turns off server certificate validation for the Atlas cluster 'cluster0.ab123.mongodb.net', whose certificate chains to a public root that the operating system already trusts, so remove it; " + Atlas));
            await ConfigurationFileVerifier<CaConfigurationRule>.VerifyAsync(
                File(AppSettings, Connection("mongodb+srv://cluster0.ab123.mongodb.net/?{|#0:tlsCAFile=/etc/ssl/ca.pem|}")),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.CaConfigurationIneffectiveOnAtlas).WithLocation(0)
                    .WithMessage("The option tlsCAFile is ignored by the .NET driver, and the Atlas cluster 'cluster0.ab123.mongodb.net' needs no custom CA: its certificate chains to a public root that the operating system already trusts, so remove the option; " + Atlas));
        }

        [Fact]
        public async Task EscapesInTheJsonStringMapBackToTheFile()
        {
            // \u0040 is the '@' that ends the user info; \/ is an escaped slash. The span covers the source text.
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                File(AppSettings, "{ \"Mongo\": \"mongodb:\\/\\/{|MTA001:app:S\\u0033cret|}\\u0040db.example.com\\/shop\" }"));
        }

        [Fact]
        public async Task LaunchSettingsCountsOnlyTheProfilesEnvironmentVariablesAndKeepsMta001()
        {
            const string launch = """
{
  "profiles": {
    "web": {
      "commandName": "Project",
      "applicationUrl": "mongodb://app:S3cret@db.example.com",
      "environmentVariables": {
        "ConnectionStrings__MongoDB": "mongodb://{|#0:app:S3cret|}@db.example.com/shop",
        "LOCAL": "mongodb://app:S3cret@localhost/shop"
      }
    }
  }
}
""";
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                File(LaunchSettings, launch),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.HardCodedCredentialsInConfigurationFile)
                    .WithLocation(0)
                    .WithArguments("mongodb://app:****@db.example.com/shop", "ConnectionStrings__MongoDB", "launchSettings.json", "ConnectionStrings__MongoDB"));
        }

        [Fact]
        public async Task RemoteHostWithoutPasswordIsMta002OnTheHostOutsideDevelopment()
        {
            await ConfigurationFileVerifier<HardCodedConnectionStringRule>.VerifyAsync(
                new[]
                {
                    (AppSettings, Connection("mongodb://app:<password>@{|#0:db1.example.com|}:27017,db2.example.com/shop")),
                    (Development, Connection("mongodb://db1.example.com/shop")),
                    (LaunchSettings, "{ \"profiles\": { \"p\": { \"environmentVariables\": { \"MongoDB__ConnectionString\": \"mongodb://db1.example.com\" } } } }"),
                    ("/0/appsettings.Production.json", Connection("mongodb://localhost/shop")),
                },
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.HardCodedConnectionStringInConfigurationFile)
                    .WithLocation(0)
                    .WithArguments("db1.example.com", "ConnectionStrings:MongoDB", "appsettings.json", "ConnectionStrings__MongoDB"));
        }

        [Fact]
        public async Task InsecureTlsIsMta003OnTheOptionWhenTlsIsOnAndSilentInDevelopment()
        {
            await ConfigurationFileVerifier<CertificateValidationDisabledRule>.VerifyAsync(
                new[]
                {
                    (AppSettings, Connection("mongodb://db.example.com/?tls=true&{|#0:tlsInsecure=true|}")),
                    ("/0/appsettings.Production.json", Connection("mongodb+srv://cluster0.example.net/?{|#1:sslVerifyCertificate=false|}")),
                    (Development, Connection("mongodb://db.example.com/?tls=true&tlsInsecure=true")),
                    ("/0/appsettings.Staging.json", Connection("mongodb://db.example.com/?tlsInsecure=true")),
                },
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.CertificateValidationDisabledInConfigurationFile)
                    .WithLocation(0)
                    .WithMessage("The option tlsInsecure=true in appsettings.json turns off server certificate validation in every environment that loads the file; trust the server's CA instead, or keep the option in appsettings.Development.json only"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.CertificateValidationDisabledInConfigurationFile)
                    .WithLocation(1)
                    .WithArguments("sslVerifyCertificate=false", "appsettings.Production.json"));
        }

        [Fact]
        public async Task TlsOffIsMta009OnTheOption()
        {
            await ConfigurationFileVerifier<TlsSettingsWithoutTlsRule>.VerifyAsync(
                new[]
                {
                    (AppSettings, "{ \"A\": \"mongodb://db.example.com/?{|#0:tlsInsecure=true|}\", \"B\": \"mongodb://db.example.com/?{|#1:tls=false|}\", \"C\": \"mongodb+srv://c.example.net/?{|#2:ssl=false|}\", \"D\": \"mongodb://localhost/?tls=false\" }"),
                    (Development, "{ \"A\": \"mongodb://db.example.com/?tlsInsecure=true&tls=false\" }"),
                },
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.TlsSettingsWithoutTls).WithLocation(0).WithArguments("The option tlsInsecure=true"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.TlsOffOptionForRemoteHost).WithLocation(1).WithArguments("tls", "false", "db.example.com"),
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.TlsOffOnSrv).WithLocation(2).WithArguments("ssl", "false"));
        }

        [Fact]
        public async Task IgnoredAndCaOptionsAreMta005AndMta006OnTheOptionEvenInDevelopment()
        {
            var files = new[]
            {
                (AppSettings, Connection("mongodb://db.example.com/?tls=true&{|MTA006:tlsCAFile=/etc/ssl/ca.pem|}&{|MTA005:connectionTimeout=20|}")),
                (Development, Connection("mongodb://localhost/?{|MTA006:ssl_ca_certs=ca.pem|}&{|MTA005:tlsAllowInvalidHostnames=true|}")),
            };
            await ConfigurationFileVerifier<IgnoredOptionRule>.VerifyAsync(StripOtherRule(files, "MTA006"));
            await ConfigurationFileVerifier<CaConfigurationRule>.VerifyAsync(StripOtherRule(files, "MTA005"));
        }

        [Fact]
        public async Task TimeoutsAreMta007AndMta008OnTheOption()
        {
            var files = new[]
            {
                (AppSettings, Connection("mongodb://db.example.com/?{|MTA007:serverSelectionTimeoutMS=2000|}&{|MTA007:connectTimeoutMS=0|}&{|MTA008:socketTimeout=30000|}")),
                (Development, Connection("mongodb://localhost/?serverSelectionTimeoutMS=2000&{|MTA008:connectTimeout=5000|}")),
            };
            await ConfigurationFileVerifier<TimeoutRule>.VerifyAsync(StripOtherRule(files, "MTA008"));
            await ConfigurationFileVerifier<TimeoutUnitRule>.VerifyAsync(StripOtherRule(files, "MTA007"));
        }

        [Fact]
        public async Task TimeoutsAboveACeilingAreMta007UnlessTheyAreAUnitMixUp()
        {
            await ConfigurationFileVerifier<TimeoutRule>.VerifyAsync(
                new[] { (AppSettings, Connection("mongodb://db.example.com/?{|#0:serverSelectionTimeoutMS=600000|}&connectTimeout=30000&waitQueueTimeoutMS=120000")) },
                null,
                null,
                DriverVersion.V3,
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.TimeoutAboveCeiling).WithLocation(0)
                    .WithArguments("The option serverSelectionTimeoutMS", "10 min", "2 min", "when the cluster is unreachable, a request waits 10 min before it fails", "30 s"));
        }

        [Fact]
        public async Task EditorConfigSectionsMatchingTheJsonPathApplyFloorsAndSeverities()
        {
            await ConfigurationFileVerifier<TimeoutRule>.VerifyAsync(
                new[]
                {
                    (AppSettings, Connection("mongodb://db.example.com/?serverSelectionTimeoutMS=2000")),
                    ("/0/appsettings.Staging.json", Connection("mongodb://db.example.com/?{|#0:serverSelectionTimeoutMS=2000|}")),
                },
                "[appsettings.json]\nmongo_tls.min_server_selection_timeout = 1s\n\n[appsettings.Staging.json]\nmongo_tls.json_severity.MTA007 = error\n",
                null,
                DriverVersion.V3,
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.TimeoutTooShortOrInvalid).WithLocation(0).WithSeverity(DiagnosticSeverity.Error)
                    .WithArguments("The option serverSelectionTimeoutMS", "2 s", "12 s", "a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover", "30 s"));
        }

        [Fact]
        public async Task SeverityNoneInAnEditorConfigSectionOrAGlobalConfigTurnsTheRuleOff()
        {
            var files = new[] { (AppSettings, Connection("mongodb://app:S3cret@db.example.com")), ("/0/sub/appsettings.json", Connection("mongodb://{|#0:app:S3cret|}@db.example.com")) };
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                files,
                "[/0/appsettings.json]\nmongo_tls.json_severity.MTA001 = none\n",
                null,
                DriverVersion.V3,
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(RuleDescriptors.HardCodedCredentialsInConfigurationFile).WithLocation(0)
                    .WithArguments("mongodb://app:****@db.example.com", "ConnectionStrings:MongoDB", "appsettings.json", "ConnectionStrings__MongoDB"));
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                new[] { (AppSettings, Connection("mongodb://app:S3cret@db.example.com")) },
                null,
                "dotnet_diagnostic.MTA001.severity = none",
                DriverVersion.V3);
        }

        [Fact]
        public async Task BothDriverLinesReadTheFiles()
        {
            await ConfigurationFileVerifier<IgnoredOptionRule>.VerifyAsync(
                File(AppSettings, Connection("mongodb://db.example.com/?{|MTA005:tlsAllowInvalidCertificates=true|}")), null, null, DriverVersion.V2);
        }

        /// <summary>Removes the markup of <paramref name="otherId"/>, keeping its text, for a run of one rule.</summary>
        private static (string, string)[] StripOtherRule((string Path, string Text)[] files, string otherId)
        {
            var result = new (string, string)[files.Length];
            for (var i = 0; i < files.Length; i++)
            {
                var text = files[i].Text;
                var marker = "{|" + otherId + ":";
                int start;
                while ((start = text.IndexOf(marker, System.StringComparison.Ordinal)) >= 0)
                {
                    var end = text.IndexOf("|}", start, System.StringComparison.Ordinal);
                    text = text.Substring(0, start) + text.Substring(start + marker.Length, end - start - marker.Length) + text.Substring(end + 2);
                }

                result[i] = (files[i].Path, text);
            }

            return result;
        }
    }
}
