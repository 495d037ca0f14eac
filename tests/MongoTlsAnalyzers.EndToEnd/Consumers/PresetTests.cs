using System;
using System.Linq;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Consumers
{
    /// <summary>
    /// MongoTlsAnalysisMode selects one of the global configs shipped in the package; the user's own
    /// .editorconfig and .globalconfig still win. Checked through the packaged path on the InsecureApp sources,
    /// without the sample's .editorconfig so the presets alone decide.
    /// </summary>
    public sealed class PresetTests
    {
        private static readonly string[] SecurityRules = { "MTA001", "MTA003", "MTA004", "MTA006", "MTA009", "MTA010" };

        public static TheoryData<string, string> Modes => new TheoryData<string, string>
        {
            // mode, how it is set
            { "Default", "unset" },
            { "Recommended", "project" },
            { "Strict", "command line" },
            { "None", "project" },
        };

        [Theory]
        [MemberData(nameof(Modes))]
        public void EachModeAppliesItsSeverities(string mode, string setting)
        {
            using var consumer = ConsumerBuildTests.InsecureAppConsumer(
                "Mode" + mode,
                "3.14.0",
                setting == "project" ? $"    <MongoTlsAnalysisMode>{mode}</MongoTlsAnalysisMode>\n" : string.Empty,
                withSampleEditorConfig: false);
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = setting == "command line" ? consumer.Build("-p:MongoTlsAnalysisMode=" + mode) : consumer.Build();

            var expected = SampleExpectations.Lines(id => SeverityIn(mode, id));
            Assert.Equal(expected, build.Mta(withSeverity: true));
            Assert.Equal(expected.Any(line => line.Contains(":error ", StringComparison.Ordinal)), build.ExitCode != 0);
        }

        [Fact]
        public void TheUsersEditorConfigAndGlobalConfigWinOverTheStrictPreset()
        {
            using var consumer = ConsumerBuildTests.InsecureAppConsumer("StrictOverridden", "3.14.0", "    <MongoTlsAnalysisMode>Strict</MongoTlsAnalysisMode>\n", withSampleEditorConfig: false);
            consumer.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.MTA001.severity = suggestion\n");
            consumer.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.MTA010.severity = warning\n");
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = consumer.Build();

            var expected = SampleExpectations.Lines(id => id switch
            {
                "MTA001" => null,
                "MTA010" => "warning",
                _ => SeverityIn("Strict", id),
            });
            Assert.Equal(expected, build.Mta(withSeverity: true));
        }

        [Fact]
        public void AnUnknownModeIsReportedAndChangesNothing()
        {
            using var consumer = ConsumerBuildTests.InsecureAppConsumer("ModeTypo", "3.14.0", "    <MongoTlsAnalysisMode>Paranoid</MongoTlsAnalysisMode>\n", withSampleEditorConfig: false);
            Assert.Equal(0, consumer.Restore().ExitCode);
            var build = consumer.Build();

            Assert.True(build.ExitCode == 0, build.Output);
            Assert.Contains("warning MTA900: MongoTlsAnalysisMode 'Paranoid' is not one of Default, Recommended, Strict or None", build.Output, StringComparison.Ordinal);
            Assert.Equal(SampleExpectations.Lines(id => SeverityIn("Default", id)), build.Mta(withSeverity: true).Where(l => !l.Contains("MTA900", StringComparison.Ordinal)));
        }

        /// <summary>What `dotnet build` prints for a rule under a mode (null: nothing, as for Info).</summary>
        private static string? SeverityIn(string mode, string id) => mode switch
        {
            "None" => null,
            "Strict" => SecurityRules.Contains(id) ? "error" : "warning",
            "Recommended" => id is "MTA001" or "MTA003" or "MTA010" ? "error" : id == "MTA002" ? null : "warning",
            _ => id == "MTA002" ? null : "warning",
        };
    }
}
