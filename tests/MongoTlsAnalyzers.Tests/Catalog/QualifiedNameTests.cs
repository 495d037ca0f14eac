using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Catalog
{
    /// <summary>
    /// The product code names framework types through <c>using</c> directives, not as <c>System.X.Y.Type</c> in the
    /// code. IDE0001 only simplifies a name when the using is already there, so this scan is what catches a fully
    /// qualified name where a using belongs (docs/architecture.md "The house").
    /// </summary>
    public sealed class QualifiedNameTests
    {
        private static readonly Regex Qualified = new Regex(
            @"(?<![\w.""])(?:global::)?(System|Microsoft)(\.[A-Za-z]\w*)+",
            RegexOptions.Compiled,
            HangGuard.Deadline);

        private static readonly Regex StringLiteral = new Regex(@"""(?:[^""\\]|\\.)*""", RegexOptions.Compiled, HangGuard.Deadline);

        [Fact]
        public void ProductCodeUsesUsingsForFrameworkNames()
        {
            var found = new List<string>();
            foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("src"), "*.cs", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    || file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                {
                    continue;
                }

                var number = 0;
                foreach (var line in File.ReadLines(file))
                {
                    number++;
                    var code = line.TrimStart();
                    if (code.StartsWith("using ", StringComparison.Ordinal) || code.StartsWith("//", StringComparison.Ordinal)
                        || code.StartsWith("namespace ", StringComparison.Ordinal) || code.StartsWith("#", StringComparison.Ordinal)
                        || code.StartsWith("[assembly", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    // Text written into the user's code or compared with symbol names is a string, not a reference.
                    var withoutStrings = StringLiteral.Replace(code, "\"\"");
                    var commentStart = withoutStrings.IndexOf("//", StringComparison.Ordinal);
                    if (commentStart >= 0)
                    {
                        withoutStrings = withoutStrings.Substring(0, commentStart);
                    }

                    if (Qualified.IsMatch(withoutStrings))
                    {
                        found.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{number}: {code.Trim()}");
                    }
                }
            }

            Assert.True(found.Count == 0, "Fully qualified names where a using belongs:" + Environment.NewLine + string.Join(Environment.NewLine, found.Take(60)));
        }
    }
}
