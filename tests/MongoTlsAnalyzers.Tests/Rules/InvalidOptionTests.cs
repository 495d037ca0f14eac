using System;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Options;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Verify = MongoTlsAnalyzers.Tests.Infrastructure.AnalyzerVerifier<MongoTlsAnalyzers.Rules.InvalidOptionRule>;

namespace MongoTlsAnalyzers.Tests.Rules
{
    public sealed class InvalidOptionTests
    {
        private const string Source = "using MongoDB.Driver; class C { object M() => new MongoClient(\"mongodb://localhost\"); }";

        [Fact]
        public async Task ValidOptionsAreSilent()
        {
            await Verify.VerifyAsync(Source, new TestOptions
            {
                EditorConfig = string.Join("\n",
                    "mongo_tls.min_connect_timeout = 2s",
                    "mongo_tls.min_server_selection_timeout = 00:00:15",
                    "mongo_tls.min_socket_timeout = 1500ms",
                    "mongo_tls.min_wait_queue_timeout = 1m",
                    "mongo_tls.min_heartbeat_interval = 0.5s",
                    "mongo_tls.max_server_selection_timeout = 5m",
                    "mongo_tls.max_connect_timeout = None",
                    "mongo_tls.max_wait_queue_timeout = 00:03:00",
                    "mongo_tls.max_heartbeat_interval = 30000ms",
                    "mongo_tls.analyze_test_projects = TRUE",
                    "mongo_tls.debug_is_development = false",
                    "mongo_tls.development_guard_methods = MyCompany.Hosting.EnvironmentExtensions.IsLocal, Other.Env.IsDev"),
            });
        }

        [Fact]
        public async Task EachMalformedValueIsReportedOnceWithItsDefault()
        {
            await Verify.VerifyAsync(
                Source,
                new TestOptions
                {
                    EditorConfig = string.Join("\n",
                        "mongo_tls.min_connect_timeout = fast",
                        "mongo_tls.min_socket_timeout = 5000",
                        "mongo_tls.analyze_test_projects = yes",
                        "mongo_tls.development_guard_methods = IsLocal"),
                    AdditionalSources = new[] { ("/0/Other.cs", "class D { }") },
                },
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.analyze_test_projects", "yes", "expected true or false", "false"),
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.development_guard_methods", "IsLocal", "'IsLocal' is not a fully qualified method name such as MyCompany.Hosting.EnvironmentExtensions.IsLocal", "no extra guard methods"),
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.min_connect_timeout", "fast", "expected a non-negative duration such as 12s, 500ms or 00:00:05", "5s"),
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.min_socket_timeout", "5000", "a bare number is ambiguous; add a unit (ms, s, m or h) or use hh:mm:ss", "10s"));
        }

        [Fact]
        public async Task EachMalformedCeilingIsReportedWithItsDefault()
        {
            await Verify.VerifyAsync(
                Source,
                new TestOptions
                {
                    EditorConfig = string.Join("\n",
                        "mongo_tls.max_server_selection_timeout = never",
                        "mongo_tls.max_connect_timeout = 90",
                        "mongo_tls.max_wait_queue_timeout = -2m",
                        "mongo_tls.max_heartbeat_interval = none"),
                },
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.max_connect_timeout", "90", "a bare number is ambiguous; add a unit (ms, s, m or h) or use hh:mm:ss, or none for no ceiling", "60s"),
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.max_server_selection_timeout", "never", "expected a non-negative duration such as 12s, 500ms or 00:00:05, or none for no ceiling", "120s"),
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.max_wait_queue_timeout", "-2m", "expected a non-negative duration such as 12s, 500ms or 00:00:05, or none for no ceiling", "120s"));
        }

        [Fact]
        public async Task GlobalConfigIsReadToo()
        {
            await Verify.VerifyAsync(
                Source,
                new TestOptions { GlobalConfig = "mongo_tls.debug_is_development = maybe" },
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.debug_is_development", "maybe", "expected true or false", "true"));
        }

        [Fact]
        public async Task SectionsForConfigurationFilesAreReadToo()
        {
            // A malformed floor in a section that only matches appsettings files still gets its one MTA000.
            await ConfigurationFileVerifier<MongoTlsAnalyzers.Rules.InvalidOptionRule>.VerifyAsync(
                new[] { ("/0/appsettings.json", "{ \"A\": \"mongodb://db.example.com\" }"), ("/0/notes.json", "{}") },
                "[appsettings*.json]\nmongo_tls.min_connect_timeout = soon\n\n[notes.json]\nmongo_tls.min_socket_timeout = never\n",
                null,
                DriverVersion.V3,
                new DiagnosticResult(RuleDescriptors.InvalidOption).WithArguments("mongo_tls.min_connect_timeout", "soon", "expected a non-negative duration such as 12s, 500ms or 00:00:05", "5s"));
        }

        [Fact]
        public async Task SilentWithoutTheDriver()
        {
            await Verify.VerifyAsync("class C { }", new TestOptions { Drivers = new[] { DriverVersion.None }, EditorConfig = "mongo_tls.min_connect_timeout = fast" });
        }

        [Theory]
        [InlineData("12s", 12_000)]
        [InlineData("500ms", 500)]
        [InlineData("2m", 120_000)]
        [InlineData("1h", 3_600_000)]
        [InlineData("00:00:05", 5_000)]
        [InlineData(" 1.5S ", 1_500)]
        [InlineData("0s", 0)]
        public void ParsesDurations(string text, int milliseconds)
        {
            Assert.True(MongoTlsOptionsReader.TryParseDuration(text, out var value, out _));
            Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
        }

        [Theory]
        [InlineData("")]
        [InlineData("fast")]
        [InlineData("12")]
        [InlineData("-5s")]
        [InlineData("1e9h")]
        [InlineData("NaNs")]
        [InlineData("-00:00:05")]
        [InlineData("99999999999999999999h")]
        public void RefusesMalformedDurations(string text)
        {
            Assert.False(MongoTlsOptionsReader.TryParseDuration(text, out _, out var reason));
            Assert.NotEmpty(reason);
        }
    }
}
