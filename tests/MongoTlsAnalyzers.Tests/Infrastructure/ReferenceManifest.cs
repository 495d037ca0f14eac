using System;
using System.Collections.Generic;
using System.IO;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Reads a reference manifest written at build time next to the assembly (test-references.txt,
    /// bench-references.txt): one <c>kind|path</c> line per file restored with the project, so that nothing is
    /// downloaded at run time. Shared by the tests and the benchmarks (linked into the benchmark project).
    /// </summary>
    public static class ReferenceManifest
    {
        /// <summary>The (kind, path) entries of <paramref name="fileName"/>; throws when it or a listed file is missing.</summary>
        public static IReadOnlyList<(string Kind, string Path)> Read(string fileName, string rebuildHint)
        {
            var path = Path.Combine(AppContext.BaseDirectory, fileName);
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(fileName + " is missing next to " + AppContext.BaseDirectory + "; " + rebuildHint);
            }

            var entries = new List<(string, string)>();
            foreach (var line in File.ReadAllLines(path))
            {
                var separator = line.IndexOf('|');
                if (separator < 0)
                {
                    continue;
                }

                var file = line.Substring(separator + 1);
                if (!File.Exists(file))
                {
                    throw new InvalidOperationException($"The reference '{file}' listed in {fileName} does not exist; run 'dotnet restore'.");
                }

                entries.Add((line.Substring(0, separator), file));
            }

            return entries;
        }
    }
}
