using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.ConfigurationFiles;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The mutation test for configuration files (docs/architecture.md "Budgets" and "Configuration files"): the samples' and a set
    /// of representative appsettings and launchSettings files, truncated, with characters deleted, duplicated or
    /// inserted (quotes, braces, backslashes, comment openers), and as raw bytes with invalid UTF-8 sequences, go through
    /// every analyzer as additional files. No variant may throw; a variant that the .NET configuration reader refuses
    /// (System.Text.Json with its options) gets no diagnostic; no message repeats a password of the file.
    /// </summary>
    public sealed class ConfigurationFileMutationTests
    {
        private const int Seed = 20261206;
        private const int VariantsPerSeed = 60;

        private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();

        private static readonly string[] Passwords = { "S3cretValue9", "J50nC0mm1tted", "L4unchPassw0rd" };

        private static readonly (string Path, string Text)[] Representative =
        {
            ("/0/appsettings.json", "{\n  // comment\n  \"ConnectionStrings\": { \"MongoDB\": \"mongodb://app:S3cretValue9@db.example.com:27017/shop?tls=true&tlsInsecure=true&connectTimeoutMS=0\", },\n  \"Mongo\": { \"Uri\": \"mongodb+srv://cluster0.ab123.mongodb.net/?tls=false&tlsCAFile=/ca.pem&serverSelectionTimeoutMS=600000\" }\n}\n"),
            ("/0/appsettings.Production.json", "{ \"A\": [ \"mongodb://db1.example.com,db2.example.com/?ssl=false\", { \"B\": \"mongodb://u:p@ss@db.example.com\" } ], \"C\": \"mongodb://db.example.com/?connectTimeout=30000&socketTimeoutMS=-5\" }"),
            ("/0/appsettings.Development.json", "{ \"ConnectionStrings\": { \"MongoDB\": \"mongodb://localhost:27017/?tlsInsecure=true\", \"Remote\": \"mongodb://dev:J50nC0mm1tted@dev-db.example.com\" } }"),
            ("/0/Properties/launchSettings.json", "{ \"profiles\": { \"web\": { \"environmentVariables\": { \"MongoDB__ConnectionString\": \"mongodb://ops:L4unchPassw0rd@ops.example.com/?tls=true&tlsInsecure=true\", \"X\": \"mongodb:\\/\\/esc\\u0040aped.example.com\" } } } }"),
        };

        private readonly ITestOutputHelper _output;

        public ConfigurationFileMutationTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void MutatedConfigurationFilesNeverCrashNorReportWhatTheReaderRefuses()
        {
            var seeds = Representative.Concat(SampleFiles()).ToList();
            var compilation = AnalyzerRunner.Compile(new[] { "using MongoDB.Driver; class C { MongoClient M(string s) => new MongoClient(s); }" }, DriverVersion.V3);
            var random = new Random(Seed);
            int variants = 0, refused = 0, diagnostics = 0;
            var failures = new List<string>();
            foreach (var (path, text) in seeds)
            {
                foreach (var (mutation, variant) in Mutations(text, random))
                {
                    variants++;
                    var decoded = variant.ToString();
                    var accepted = SystemTextJsonOracle.StringValues(decoded) is not null;
                    refused += accepted ? 0 : 1;
                    ImmutableArray<Diagnostic> found;
                    try
                    {
                        found = AnalyzerRunner.Run(compilation, Analyzers, additionalFiles: ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(path, variant)));
                    }
                    catch (Exception ex)
                    {
                        failures.Add($"{path} [{mutation}]: {ex.Message}");
                        continue;
                    }

                    var inFile = found.Where(d => d.Id.StartsWith("MTA", StringComparison.Ordinal) && d.Location.GetLineSpan().Path == path).ToList();
                    diagnostics += inFile.Count;
                    if (!accepted && inFile.Count > 0)
                    {
                        failures.Add($"{path} [{mutation}]: {inFile.Count} diagnostics in a file the configuration reader refuses, first {inFile[0].Id} at {inFile[0].Location.GetLineSpan()}");
                    }

                    foreach (var diagnostic in inFile)
                    {
                        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                        if (Passwords.Any(p => message.Contains(p, StringComparison.Ordinal)))
                        {
                            failures.Add($"{path} [{mutation}]: {diagnostic.Id} repeats a password in its message");
                        }
                    }
                }
            }

            _output.WriteLine($"{seeds.Count} seeds, {variants} variants ({refused} refused by the configuration reader), {diagnostics} diagnostics in the files.");
            Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
            Assert.True(refused > 0 && refused < variants && diagnostics > 0, "the variants must include files the reader accepts and files it refuses, and some diagnostics");
        }

        private static IEnumerable<(string Path, string Text)> SampleFiles()
        {
            foreach (var sample in new[] { "InsecureApp", "SecureApp" })
            {
                foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("samples", sample), "appsettings*.json"))
                {
                    yield return ("/0/" + Path.GetFileName(file), File.ReadAllText(file));
                }
            }
        }

        /// <summary>The seed itself, then truncations, deletions, duplications, insertions and invalid UTF-8 bytes.</summary>
        private static IEnumerable<(string Mutation, SourceText Text)> Mutations(string text, Random random)
        {
            yield return ("original", SourceText.From(text));
            var inserts = new[] { "\"", "{", "}", "[", "]", ",", ":", "\\", "/*", "//", "\\u00", "\n", "\uD800", "@", "&tls=" };
            for (var i = 0; i < VariantsPerSeed; i++)
            {
                var at = random.Next(text.Length + 1);
                switch (i % 5)
                {
                    case 0:
                        yield return ($"truncated at {at}", SourceText.From(text.Substring(0, at)));
                        break;
                    case 1:
                        var length = Math.Min(1 + random.Next(6), text.Length - Math.Min(at, text.Length));
                        yield return ($"deleted {length} at {at}", SourceText.From(text.Remove(Math.Min(at, text.Length), length)));
                        break;
                    case 2:
                        var span = Math.Min(1 + random.Next(40), text.Length - Math.Min(at, text.Length));
                        yield return ($"duplicated {span} at {at}", SourceText.From(text.Insert(Math.Min(at, text.Length), text.Substring(Math.Min(at, text.Length), span))));
                        break;
                    case 3:
                        var insert = inserts[random.Next(inserts.Length)];
                        yield return ($"inserted {insert.Replace("\n", "\\n")} at {at}", SourceText.From(text.Insert(at, insert)));
                        break;
                    default:
                        // Raw bytes with an invalid UTF-8 sequence, decoded as the compiler decodes an additional file.
                        var bytes = Encoding.UTF8.GetBytes(text).ToList();
                        bytes.InsertRange(Math.Min(at, bytes.Count), new byte[] { 0xC3, 0x28, 0xFF, 0xE2, 0x82 });
                        using (var stream = new MemoryStream(bytes.ToArray()))
                        {
                            yield return ($"invalid UTF-8 at byte {at}", SourceText.From(stream, Encoding.UTF8, throwIfBinaryDetected: false));
                        }

                        break;
                }
            }
        }
    }
}
