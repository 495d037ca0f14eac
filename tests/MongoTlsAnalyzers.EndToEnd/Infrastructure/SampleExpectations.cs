using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Infrastructure
{
    /// <summary>
    /// The diagnostics samples/InsecureApp must produce, read from the <c>// expect: MTA00N</c> comments on its
    /// flagged lines, and the passwords hidden in it (which must never appear in any output).
    /// </summary>
    public static class SampleExpectations
    {
        public static readonly string[] Passwords = { "Xk9mQ2vT7", "B4ckupNightly", "R3port!ng2024" };

        private static readonly Regex Expectation = new Regex(@"//\s*expect:\s*(?<ids>MTA\d{3}(\s*,\s*MTA\d{3})*)", RegexOptions.None, TimeSpan.FromSeconds(1));

        public static string InsecureAppFolder => RepositoryPaths.Combine("samples", "InsecureApp");

        /// <summary>(file name, 1-based line, rule id) for every expectation in the sample.</summary>
        public static IReadOnlyList<(string File, int Line, string Id)> InsecureApp()
        {
            var expected = new List<(string, int, string)>();
            foreach (var file in Directory.GetFiles(InsecureAppFolder, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            {
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    var match = Expectation.Match(lines[i]);
                    if (match.Success)
                    {
                        expected.AddRange(match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries).Select(id => (Path.GetFileName(file), i + 1, id)));
                    }
                }
            }

            return expected;
        }

        /// <summary>The expectations as "file:line:id" (optionally "file:line:severity id"), sorted like <see cref="BuildResult.Mta"/>.</summary>
        public static IReadOnlyList<string> Lines(Func<string, string?>? severityOf = null) =>
            InsecureApp()
                .Select(e => severityOf is null ? $"{e.File}:{e.Line}:{e.Id}" : severityOf(e.Id) is { } severity ? $"{e.File}:{e.Line}:{severity} {e.Id}" : null)
                .Where(line => line is not null)
                .Select(line => line!)
                .Distinct()
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToList();
    }
}
