using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MongoTlsAnalyzers.EndToEnd.Consumers;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.EndToEnd.Format
{
    /// <summary>
    /// <c>dotnet format analyzers</c> applies our code fixes in bulk to a copy of samples/InsecureApp that
    /// installs the packed package. Afterwards every file reads text for text as its reviewed copy under
    /// Format/Expected (or, unchanged, as the sample), the project builds without errors, the fixed rule is gone, and
    /// every other diagnostic is still there.
    /// </summary>
    public sealed class DotnetFormatTests
    {
        private readonly ITestOutputHelper _output;

        public DotnetFormatTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData("MTA001")]
        [InlineData("MTA003")]
        [InlineData("MTA005")]
        [InlineData("MTA007")]
        [InlineData("MTA001 MTA003 MTA005 MTA007")]
        public void FormatFixesTheRuleAndTheProjectStillBuilds(string rules)
        {
            var fixedIds = rules.Split(' ');
            using var consumer = ConsumerBuildTests.InsecureAppConsumer("Format" + string.Concat(fixedIds).Replace("MTA", string.Empty), "3.14.0");
            Assert.Equal(0, consumer.Restore().ExitCode);
            var before = SourceText(consumer);

            // The command, per rule: dotnet format analyzers --diagnostics MTA001 ... --severity info
            // Run in the project folder without a path, exactly as the README writes it.
            // Twice, as the README says: dotnet format takes one equivalence key per fixer from the first diagnostic it
            // meets, so a diagnostic whose first action differs (a URI option, which cannot be guarded, after a
            // setting that can; a timeout above its ceiling after one below its floor) is fixed by the second run.
            for (var run = 0; run < 2; run++)
            {
                var format = consumer.Run(new[] { "format", "analyzers", "--diagnostics" }.Concat(fixedIds).Concat(new[] { "--severity", "info", "-v", "diag" }).ToArray());
                _output.WriteLine(format.Output);
                Assert.True(format.ExitCode == 0, format.Output);
            }

            Assert.NotEqual(before, SourceText(consumer));
            AssertRewrittenAsExpected(consumer, string.Concat(fixedIds));

            var build = consumer.Build();
            Assert.True(build.ExitCode == 0, build.Output);
            Assert.DoesNotContain(build.Diagnostics, d => d.Severity == "error");

            // Every diagnostic of the other rules is still reported; none of the fixed rules is left. One new
            // diagnostic is expected: MTA001 on ReportingStore's password stands in for MTA002 on the same
            // connection string (one diagnostic per string), so once the password goes, its hard-coded host shows.
            var expected = SampleExpectations.InsecureApp().Select(e => e.File + " " + e.Id).Where(entry => !fixedIds.Any(entry.EndsWith)).ToList();
            // ArchiveStore's connection string is both MTA001 and MTA011 (an unencoded '@' in its password): once it
            // moves to configuration, the rejected text is no longer in code, and its MTA011 goes with it.
            if (fixedIds.Contains("MTA001"))
            {
                expected.Add("ReportingStore.cs MTA002");
                expected.Remove("ArchiveStore.cs MTA011");
            }

            var actual = build.Diagnostics.Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal)).Select(d => d.File + " " + d.Id);
            Assert.Equal(expected.OrderBy(e => e, StringComparer.Ordinal), actual.OrderBy(e => e, StringComparer.Ordinal));

            if (fixedIds.Contains("MTA001"))
            {
                ConsumerBuildTests.AssertNoPassword(SourceText(consumer));
            }
        }

        /// <summary>
        /// Every file of the project, text for text: a file with an expected copy under Format/Expected/&lt;ids&gt;/&lt;file&gt;.txt
        /// reads as that copy, every other one as the sample. dotnet format takes one key per fixer from the first diagnostic
        /// it meets, and which one that is varies between runs: for MTA003 alone, Allow only in Development (TlsConfiguration
        /// first) or Remove (AuditStore first). A second reviewed outcome, Format/Expected/&lt;ids&gt;.alt, is then accepted as
        /// a whole, never mixed with the first. MTA_UPDATE_EXPECTED=1 writes the copies instead, for review.
        /// </summary>
        private static void AssertRewrittenAsExpected(ConsumerProject consumer, string ids)
        {
            var folder = RepositoryPaths.Combine("tests", "MongoTlsAnalyzers.EndToEnd", "Format", "Expected", ids);
            var files = Directory.GetFiles(consumer.Directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (Environment.GetEnvironmentVariable("MTA_UPDATE_EXPECTED") == "1")
            {
                foreach (var file in files.Where(f => Actual(f) != Sample(f)))
                {
                    Directory.CreateDirectory(folder);
                    File.WriteAllText(Path.Combine(folder, Path.GetFileName(file) + ".txt"), Actual(file));
                }

                return;
            }

            var mismatches = Mismatches(files, folder);
            if (mismatches.Count > 0 && Directory.Exists(folder + ".alt"))
            {
                mismatches = Mismatches(files, folder + ".alt");
            }

            Assert.True(mismatches.Count == 0, $"after dotnet format {ids}:\n" + string.Join("\n", mismatches));
        }

        private static List<string> Mismatches(List<string> files, string folder)
        {
            var mismatches = new List<string>();
            foreach (var file in files)
            {
                var expectedPath = Path.Combine(folder, Path.GetFileName(file) + ".txt");
                var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings() : Sample(file);
                if (expected != Actual(file))
                {
                    mismatches.Add(Path.GetFileName(file) + ":\n" + Actual(file));
                }
            }

            return mismatches;
        }

        private static string Actual(string file) => File.ReadAllText(file).ReplaceLineEndings();

        private static string Sample(string file) =>
            File.ReadAllText(Path.Combine(SampleExpectations.InsecureAppFolder, Path.GetFileName(file))).ReplaceLineEndings();

        private static string SourceText(ConsumerProject consumer) =>
            string.Join("\n", Directory.GetFiles(consumer.Directory, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText));
    }
}
