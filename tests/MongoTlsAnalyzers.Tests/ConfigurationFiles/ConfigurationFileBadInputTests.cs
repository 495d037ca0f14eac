using System.Collections.Generic;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.ConfigurationFiles
{
    /// <summary>
    /// Malformed configuration files through the real analyzer: no crash (the test framework fails on AD0001) and no
    /// diagnostic, even for a password read before the error (docs/architecture.md "Configuration files": a file that is not valid JSON gets none).
    /// </summary>
    public sealed class ConfigurationFileBadInputTests
    {
        private const string Leak = "\"A\": \"mongodb://app:S3cret@db.example.com/?tlsInsecure=true&connectTimeoutMS=0\"";

        public static IEnumerable<object[]> MalformedFiles()
        {
            yield return new object[] { "truncated", "{ " + Leak + ", \"B\": " };
            yield return new object[] { "truncated in a key", "{ " + Leak + ", \"B" };
            yield return new object[] { "unterminated string", "{ \"A\": \"mongodb://app:S3cret@db.example.com" };
            yield return new object[] { "unterminated comment", "{ " + Leak + " /* the rest" };
            yield return new object[] { "ten thousand levels", "{ " + Leak + ", \"B\": " + new string('[', 10_000) + new string(']', 10_000) + " }" };
            yield return new object[] { "five megabytes", "{ " + Leak + ", \"B\": \"" + new string('x', 5 * 1024 * 1024) + "\" }" };
            yield return new object[] { "replacement characters from invalid UTF-8", "{ " + Leak + ", \"B\": \"\uFFFD\uFFFD\", \uFFFD }" };
            yield return new object[] { "root array", "[ { " + Leak + " } ]" };
            yield return new object[] { "root string", "\"mongodb://app:S3cret@db.example.com\"" };
            yield return new object[] { "single quotes", "{ 'A': 'mongodb://app:S3cret@db.example.com' }" };
            yield return new object[] { "empty", string.Empty };
        }

        [Theory]
        [MemberData(nameof(MalformedFiles))]
        public async Task MalformedAppSettingsGetsNoDiagnosticAndNoCrash(string name, string text)
        {
            Assert.NotNull(name);
            var files = new[] { ("/0/appsettings.json", text), ("/0/Properties/launchSettings.json", text) };
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(files);
            await ConfigurationFileVerifier<TimeoutRule>.VerifyAsync(files);
        }

        [Fact]
        public async Task LaunchSettingsThatIsNotAnObjectIsIgnored()
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(new[]
            {
                ("/0/Properties/launchSettings.json", "[ { \"profiles\": { \"p\": { \"environmentVariables\": { \"X\": \"mongodb://app:S3cret@db.example.com\" } } } } ]"),
            });
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(new[]
            {
                ("/0/Properties/launchSettings.json", "{ \"profiles\": [ { \"environmentVariables\": { \"X\": \"mongodb://app:S3cret@db.example.com\" } } ] }"),
            });
        }

        [Fact]
        public async Task ByteOrderMarkAndDuplicateKeysAreReadLikeAnyValidFile()
        {
            // Both values of a duplicate key are in the file, so both are reported.
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(new[]
            {
                ("/0/appsettings.json", "\uFEFF{ \"A\": \"mongodb://{|MTA001:a:S3cret|}@db.example.com\", \"A\": \"mongodb://{|MTA001:b:S3cret|}@db.example.com\" }"),
            });
        }

        [Fact]
        public async Task CommentsAndTrailingCommasAreAllowed()
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(new[]
            {
                ("/0/appsettings.json", "// settings\n{\n  /* main */ \"A\": \"mongodb://{|MTA001:a:S3cret|}@db.example.com\", // the cluster\n}\n"),
            });
        }

        [Fact]
        public async Task WithoutTheDriverNothingIsRead()
        {
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(
                new[] { ("/0/appsettings.json", "{ " + Leak + " }") }, null, null, DriverVersion.None);
        }

        [Fact]
        public async Task AFileListedTwiceIsReportedOnce()
        {
            // The user lists it and the package adds it too (the targets prevent that, the analyzer does not rely on it).
            await ConfigurationFileVerifier<HardCodedCredentialsRule>.VerifyAsync(new[]
            {
                ("/0/appsettings.json", "{ \"A\": \"mongodb://{|MTA001:a:S3cret|}@db.example.com\" }"),
                ("/0/appsettings.json", "{ \"A\": \"mongodb://a:S3cret@db.example.com\" }"),
            });
        }
    }
}
