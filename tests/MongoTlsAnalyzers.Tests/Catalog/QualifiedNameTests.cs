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

                var lines = CodeOnly(File.ReadAllText(file)).Split('\n');
                for (var index = 0; index < lines.Length; index++)
                {
                    var code = lines[index].TrimStart();
                    if (code.StartsWith("using ", StringComparison.Ordinal) || code.StartsWith("namespace ", StringComparison.Ordinal)
                        || code.StartsWith("#", StringComparison.Ordinal) || code.StartsWith("[assembly", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (Qualified.IsMatch(code))
                    {
                        found.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{index + 1}: {code.Trim()}");
                    }
                }
            }

            Assert.True(found.Count == 0, "Fully qualified names where a using belongs:" + Environment.NewLine + string.Join(Environment.NewLine, found.Take(60)));
        }

        [Fact]
        public void StringsAndCommentsAreNotCode()
        {
            var code = CodeOnly("var a = \"System.IO.File\"; // System.Text.Encoding\nvar b = @\"\nSystem.Net.Dns \"\"x\"\"\";\nvar c = \"\"\"\nSystem.Linq.Enumerable\n\"\"\"; /* System.Threading.Timeout */ System.Math.Abs(1);");
            Assert.Equal(6, code.Split('\n').Length);
            Assert.Single(Qualified.Matches(code));
            Assert.Contains("System.Math.Abs", code, StringComparison.Ordinal);
        }

        /// <summary>The source with the contents of comments and string literals (regular, verbatim, raw) blanked, lines kept.</summary>
        private static string CodeOnly(string source)
        {
            var text = new System.Text.StringBuilder(source.Length);
            var i = 0;
            while (i < source.Length)
            {
                var c = source[i];
                if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
                {
                    while (i < source.Length && source[i] != '\n')
                    {
                        i++;
                    }
                }
                else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
                {
                    var end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end + 2;
                    Blank(source, i, end, text);
                    i = end;
                }
                else if (c == '"' && source.AsSpan(i).StartsWith("\"\"\""))
                {
                    var end = source.IndexOf("\"\"\"", i + 3, StringComparison.Ordinal);
                    end = end < 0 ? source.Length : end + 3;
                    Blank(source, i, end, text);
                    i = end;
                }
                else if (c == '"')
                {
                    var verbatim = i > 0 && (source[i - 1] == '@' || (source[i - 1] == '$' && i > 1 && source[i - 2] == '@'));
                    var end = i + 1;
                    while (end < source.Length)
                    {
                        if (!verbatim && source[end] == '\\')
                        {
                            end += 2;
                            continue;
                        }

                        if (source[end] == '"')
                        {
                            if (verbatim && end + 1 < source.Length && source[end + 1] == '"')
                            {
                                end += 2;
                                continue;
                            }

                            break;
                        }

                        if (!verbatim && source[end] == '\n')
                        {
                            break;
                        }

                        end++;
                    }

                    end = Math.Min(end + 1, source.Length);
                    Blank(source, i, end, text);
                    i = end;
                }
                else if (c == '\'' && i + 2 < source.Length)
                {
                    var end = source[i + 1] == '\\' ? source.IndexOf('\'', i + 2) : i + 2;
                    end = end < 0 ? source.Length : end + 1;
                    Blank(source, i, end, text);
                    i = end;
                }
                else
                {
                    text.Append(c);
                    i++;
                }
            }

            return text.ToString();
        }

        private static void Blank(string source, int start, int end, System.Text.StringBuilder text)
        {
            for (var k = start; k < end; k++)
            {
                text.Append(source[k] == '\n' ? '\n' : ' ');
            }
        }
    }
}
