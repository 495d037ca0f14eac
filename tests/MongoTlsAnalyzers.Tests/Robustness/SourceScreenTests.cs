using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Rules;
using MongoTlsAnalyzers.Screening;
using MongoTlsAnalyzers.Tests.Catalog;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// The source screen skips files that cannot hold anything a rule analyses. It must never change what is
    /// reported: every test source is split into one file per type (its usings made global, in a file of their own,
    /// so that a file keeps only the words of its own type), then analysed with the screen on and off.
    /// </summary>
    public sealed class SourceScreenTests
    {
        private const string ScreenOff = "mongo_tls.source_screen = false";

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        private readonly ITestOutputHelper _output;

        public SourceScreenTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void EveryTestSourceSplitIntoFilesReportsTheSameWithAndWithoutTheScreen(bool memberPerFile)
        {
            var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();
            int sources = 0, files = 0, screenedOut = 0, reachedByName = 0, diagnostics = 0;
            var differences = new List<string>();
            foreach (var source in TestSourceHarvest.All)
            {
                if (Split(source.Text, memberPerFile) is not { } split)
                {
                    continue;
                }

                var compilation = AnalyzerRunner.Compile(split, DriverVersion.V3);
                if (compilation.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    continue;
                }

                sources++;
                files += split.Count;
                var screen = new SourceScreen(compilation);
                foreach (var tree in compilation.SyntaxTrees)
                {
                    if (!screen.MayMatter(tree))
                    {
                        screenedOut++;
                    }
                    else if (!TreeFacts.Of(tree).HasTriggerWord)
                    {
                        reachedByName++;
                    }
                }

                var screened = Render(AnalyzerRunner.Run(compilation.Clone(), analyzers));
                var unscreened = Render(AnalyzerRunner.Run(compilation.Clone(), analyzers, globalConfig: ScreenOff));
                diagnostics += unscreened.Length;
                if (!screened.SequenceEqual(unscreened))
                {
                    differences.Add(source.Origin + ": missing " + string.Join("; ", unscreened.Except(screened)) + " extra " + string.Join("; ", screened.Except(unscreened)));
                }
            }

            var line = $"Source screen, one {(memberPerFile ? "member" : "type")} per file: {sources} test sources split into {files} files; {screenedOut} files screened out, " +
                $"{reachedByName} kept only through a field's or local's name; {diagnostics} diagnostics, {differences.Count} sources differ.";
            _output.WriteLine(line);
            Console.WriteLine(line);
            Assert.True(sources >= 300, line);
            Assert.True(screenedOut >= 100, line);
            Assert.True(!memberPerFile || reachedByName >= 5, line);
            Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences.Take(10)));
        }

        [Fact]
        public void AFileThatNamesNothingOfMongoDbIsScreenedOutAndAWordInACommentKeepsItIn()
        {
            var compilation = AnalyzerRunner.Compile(
                new[]
                {
                    "public static class Plain { public static int Twice(int x) => x * 2; }",
                    "public static class Commented { // talks to MongoDB\n public static int Once(int x) => x; }",
                    "public static class Timeouts { public static System.TimeSpan ConnectTimeout => System.TimeSpan.Zero; }",
                },
                DriverVersion.V3);
            var screen = new SourceScreen(compilation);
            var trees = compilation.SyntaxTrees.ToArray();
            Assert.False(screen.MayMatter(trees[0]));
            Assert.True(screen.MayMatter(trees[1]));
            Assert.True(screen.MayMatter(trees[2]));
        }

        [Fact]
        public void InAFileThatUsesMongoDbAMemberWithoutAnyWordIsScreenedOutAndOneNamingAParameterTypeIsKept()
        {
            var source = /* lang=c#-test */ """
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;
public sealed class Orders
{
    private readonly IMongoCollection<string> _orders;
    public Orders(IMongoCollection<string> orders) { _orders = orders; }
    public long Count() => _orders.CountDocuments(FilterDefinition<string>.Empty);
    public static SslStreamSettings Configure(SslStreamSettings ssl) => ssl.With(checkCertificateRevocation: false);
}
""";
            var compilation = CompileWithoutErrors(new[] { source });
            var tree = compilation.SyntaxTrees.Single();
            var screen = new SourceScreen(compilation);
            var members = tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>().ToArray();
            Assert.Equal(
                new[] { "Orders: False", "Count: False", "Configure: True" },
                members.Select(m => (m is MethodDeclarationSyntax method ? method.Identifier.Text : "Orders") + ": " + screen.MayMatter(tree, m.Span)));
            Assert.True(screen.MayMatter(tree));
        }

        [Fact]
        public void TheFollowedNamesAreRememberedForTheSameFilesAndFollowedAgainWhenAFileChanges()
        {
            var scheme = "public static class Db { public const string Scheme = \"mongodb://\"; }";
            var first = AnalyzerRunner.Compile(new[] { scheme, "public static class Hosts { public static string Main() => Db.Scheme + \"db.example.com/\"; }" }, DriverVersion.V3);
            var hosts = first.SyntaxTrees.Last();
            Assert.True(new SourceScreen(first).MayMatter(hosts));

            // A clone (the IDE's per-request compilation) shares the trees: same answer, from the remembered closure.
            Assert.True(new SourceScreen(first.Clone()).MayMatter(hosts));

            // The file changes and no longer names Scheme: the names are followed again.
            var edited = hosts.WithChangedText(SourceText.From("public static class Hosts { public static string Main() => \"db.example.com/\"; }"));
            var second = first.ReplaceSyntaxTree(hosts, edited);
            Assert.False(new SourceScreen(second).MayMatter(edited));
        }

        [Fact]
        public void AUriComposedFromAFieldChainInFilesWithoutMongoWordsIsStillReported()
        {
            // Scheme (has the word) -> Main (another file, no word) -> Admin (a third file, no word, the URI root).
            var sources = new[]
            {
                "public static class Db { public const string Scheme = \"mongodb://\"; }",
                "public static class Hosts { public static readonly string Main = Db.Scheme + \"db.example.com/\"; }",
                "public static class Accounts { private static string @Prefix; static Accounts() { @Prefix = Hosts.Main; } public static string Admin() { var local = Prefix; return local + \"?authSource=admin&user=admin\"; } }",
                "public static class Plain { public static string Greeting(string name) => \"Hello \" + name; }",
            };
            var compilation = CompileWithoutErrors(sources);
            var screen = new SourceScreen(compilation);
            var trees = compilation.SyntaxTrees.ToArray();
            Assert.Equal(new[] { true, true, true, false }, trees.Select(screen.MayMatter).ToArray());

            var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();
            var screened = Render(AnalyzerRunner.Run(compilation.Clone(), analyzers));
            var unscreened = Render(AnalyzerRunner.Run(compilation.Clone(), analyzers, globalConfig: ScreenOff));
            Assert.Equal(unscreened, screened);
            Assert.Contains(screened, d => d.StartsWith("MTA002|/0/Test1.cs|", StringComparison.Ordinal));
        }

        [Fact]
        public void TypesAreScreenedByTheirDeclarationsAndEveryKeptMemberIsVisitedOnce()
        {
            // Top-level statements (their Program's declaration is the compilation unit), a type kept only for its
            // nested type (which gets its own start: members do not inherit a containing type's actions across a
            // nested type), a partial type kept for one part, and a type without any word.
            var sources = new[]
            {
                "var client = new MongoDB.Driver.MongoClient(Outer.Inner.Uri);\nSystem.Console.WriteLine(Quiet.M());",
                "public static class Outer { public static int Plain() => 1; public static class Inner { public const string Uri = \"mongodb://db.example.com/\"; public static string Get() => Uri; } }",
                "public partial class Split { public int Plain() => 4; }",
                "public partial class Split { public string Conn() => \"mongodb://h/\"; }",
                "public static class Quiet { public static int M() => 2; public static class Nested { public static int N() => 3; } }",
            };
            var compilation = AnalyzerRunner.Compile(sources, DriverVersion.V3, OutputKind.ConsoleApplication);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            foreach (var globalConfig in new[] { null, ScreenOff })
            {
                var visits = new ConcurrentBag<string>();
                var host = new MongoTlsAnalyzer(ImmutableArray.Create<MongoRule>(new RecordingRule(visits)));
                AnalyzerRunner.Run(compilation.Clone(), ImmutableArray.Create<DiagnosticAnalyzer>(host), globalConfig: globalConfig);
                var expected = new List<string>
                {
                    "Inner.Get: Uri",
                    "Inner.Uri: \"mongodb://db.example.com/\"",
                    "Program.<Main>$: new MongoDB.Driver.MongoClient(Outer.Inner.Uri)",
                    "Program.<Main>$: Outer.Inner.Uri",
                    "Program.<Main>$: Quiet.M()",
                    "Program.<Main>$: System.Console.WriteLine(Quiet.M())",
                    "Split.Conn: \"mongodb://h/\"",
                };
                if (globalConfig is not null)
                {
                    expected.AddRange(new[] { "Nested.N: 3", "Outer.Plain: 1", "Quiet.M: 2", "Split.Plain: 4" });
                }

                Assert.Equal(expected.OrderBy(v => v, StringComparer.Ordinal), visits.OrderBy(v => v, StringComparer.Ordinal));
            }
        }

        [Fact]
        public void TheSwitchInEditorConfigOrGlobalConfigTurnsTheScreenOffForTheOneShapeItMisses()
        {
            // The one documented blind spot: a scheme split inside a word, in a file with no other word of MongoDB.
            var compilation = AnalyzerRunner.Compile(new[] { "public static class Hosts { public const string Main = \"mon\" + \"godb://db.example.com/\"; }" }, DriverVersion.V3);
            var analyzers = RuleCatalogTests.AllAnalyzers().ToImmutableArray();
            Assert.False(new SourceScreen(compilation).MayMatter(compilation.SyntaxTrees.Single()));
            Assert.Empty(AnalyzerRunner.Run(compilation.Clone(), analyzers));
            var expected = new[] { "MTA002|/0/Test0.cs|[63..87)|" };
            Assert.Equal(expected, Render(AnalyzerRunner.Run(compilation.Clone(), analyzers, globalConfig: ScreenOff)).Select(Prefix));
            Assert.Equal(expected, Render(AnalyzerRunner.Run(compilation.Clone(), analyzers, editorConfig: ScreenOff)).Select(Prefix));

            static string Prefix(string rendered) => rendered.Substring(0, rendered.IndexOf(')') + 2);
        }

        [Fact]
        public void ARoundOfManyFieldNamesIsSearchedInOnePassOverTheRunsAndANameThatIsNotOneRunDirectly()
        {
            // Scheme -> eleven fields of Hosts (one round of more names than are searched one by one) -> a file each.
            const string Combining = "H\u0301x"; // H, a combining acute accent (not part of a run), x
            var names = Enumerable.Range(0, 10).Select(i => "Host" + i).Append(Combining).ToArray();
            var sources = new List<string>
            {
                "public static class Db { public const string Scheme = \"mongodb://\"; }",
                "public static class Hosts { " + string.Concat(names.Select(n => $"public static readonly string {n} = Db.Scheme + \"db.example.com/\"; ")) + "}",
            };
            sources.AddRange(names.Select((n, i) => $"public static class Use{i} {{ public static string Admin() => Hosts.{n} + \"?authSource=admin\"; }}"));
            sources.Add("public static class Plain { public static string Host0() => \"Hello\"; }");
            var compilation = CompileWithoutErrors(sources);
            var screen = new SourceScreen(compilation);
            var trees = compilation.SyntaxTrees.ToArray();
            Assert.All(trees.Skip(2).Take(names.Length), tree => Assert.True(screen.MayMatter(tree), tree.FilePath));

            // Host0 there is a method's name, not a use of the field: a name is kept where it is an identifier, and
            // the screen errs on the side of analysing.
            Assert.True(screen.MayMatter(trees.Last()));
            Assert.Equal(1 + names.Length, screen.NamesSearched);
        }

        [Fact]
        public void OnlyASchemeWordThatCanBeginAUriStartsTheSearchForNames()
        {
            // The namespace and a host name cannot begin mongodb:// or mongodb+srv://, so their holders are not
            // followed. A word followed by the scheme's next character, or where the string's text can end (a quote,
            // a hole, an escape, a line break of a multi-line string), is.
            var db = /* lang=c#-test */ """"
                using MongoDB.Driver;

                public static class Db
                {
                    public const string Dotted = "cluster0.mongodb.net";
                    public const string Spaced = "a mongodb server";
                    public const string Colon = "mongodb://";
                    public const string Plus = "mongodb+srv://";
                    public const string Split = "mongo";
                    public const string Escaped = "mongodb\u003a//";
                    public static readonly string Hole = $"mongodb{Colon}";
                    public const string Lines = """
                        mongodb
                        """;
                }
                """";
            var sources = new[]
            {
                db,
                "public static class UsesDotted { public static string Uri() => Db.Dotted + \"/app\"; }",
                "public static class UsesSplit { public static string Uri() => Db.Split + \"db://h/app\"; }",
                "public static class UsesLines { public static string Uri() => Db.Lines + \"://h/app\"; }",
            };
            var compilation = CompileWithoutErrors(sources);
            var screen = new SourceScreen(compilation);
            Assert.Equal(new[] { true, false, true, true }, compilation.SyntaxTrees.Select(screen.MayMatter).ToArray());
            Assert.Equal(6, screen.NamesSearched);
        }

        [Fact]
        public void AFieldWithoutANameWhileTypingIsNotFollowed()
        {
            // Found by the mutation test: the empty name would be found at every position of every file.
            var compilation = AnalyzerRunner.Compile(new[] { "public static class Db { public const Scheme = \"mongodb://\"; }", "public static class Plain { }" }, DriverVersion.V3);
            var screen = new SourceScreen(compilation);
            Assert.Equal(new[] { true, false }, compilation.SyntaxTrees.Select(screen.MayMatter).ToArray());
            Assert.Equal(0, screen.NamesSearched);
        }

        [Fact]
        public void RunsAreCutAtEveryNonIdentifierCharacterAndMatchWholeWordsWithoutAsciiCaseInPiecesThatNeverSplitARun()
        {
            // Past 40K characters a text is read in pieces of about 32K: "MongoDB" stands across the first cut.
            var text = new string(' ', 32765) + "MongoDB.Driver x_1 \"mongodb+srv://h\" \u00e99 MONGODBX mongo_db " + new string(';', 9000) + " Driver";
            var source = SourceText.From(text);
            var pieces = new List<string>();
            for (var offset = 0; offset < source.Length; offset += pieces[pieces.Count - 1].Length)
            {
                pieces.Add(SourcePieces.Read(source, offset));
            }

            Assert.Equal(text, string.Concat(pieces));
            Assert.True(pieces.Count > 1);
            Assert.All(pieces.Take(pieces.Count - 1), piece => Assert.False(IdentifierRuns.IsRunChar(piece[piece.Length - 1])));

            // Only A-Z fold: \u00c9 (É) is another word than \u00e9 (é).
            var words = new[] { "mongodb", "DRIVER", "x_1", "srv", "h", "\u00c99", "\u00e99" };
            var recorder = new Recorder(text, words, new List<string>());
            var start = 0;
            foreach (var piece in pieces)
            {
                IdentifierRuns.Find(piece, start, new WordTable(words, ignoreCase: true), ref recorder);
                start += piece.Length;
            }

            Assert.Equal(
                new[] { "32765 MongoDB=mongodb", "32773 Driver=DRIVER", "32780 x_1=x_1", "32785 mongodb=mongodb", "32793 srv=srv", "32799 h=h", "32802 \u00e99=\u00e99", "41824 Driver=DRIVER" },
                recorder.Found);

            var ordinal = new WordTable(new[] { "Prefix", "prefix" }, ignoreCase: false);
            Assert.Equal(new[] { 0, 1, -1 }, new[] { "Prefix", "prefix", "PREFIX" }.Select(w => ordinal.Match(w, 0, w.Length)));
            Assert.True(TriggerWords.IsScheme("MongoDB"));
            Assert.False(TriggerWords.IsScheme("mongodbx"));
            Assert.True(TriggerWords.IsTrigger("SSLSETTINGS"));
            Assert.False(TriggerWords.IsTrigger("SslSetting"));
        }

        [Fact]
        public void LookingAheadByTheShortestWordFindsWhatReadingEveryRunFinds()
        {
            // The scan reads only where a run as long as the shortest word would have to reach: check it against
            // every run, on texts made of runs of every length around that (at the start, at the end, back to back
            // with one separator), for shortest words of 1 to 7 characters.
            var random = new Random(20261207);
            var alphabet = new[] { "a", "b", "B", "_", "1", "\u00e9", " ", ".", "(", "\"", "    " };
            for (var round = 0; round < 400; round++)
            {
                var minLength = 1 + (round % 7);
                var words = Enumerable.Range(0, 1 + random.Next(4))
                    .Select(_ => new string(Enumerable.Range(0, minLength + random.Next(3)).Select(_ => "abB_1\u00e9"[random.Next(6)]).ToArray()))
                    .Append(new string('a', minLength))
                    .ToArray();
                var table = new WordTable(words, ignoreCase: round % 2 == 0);
                var text = string.Concat(Enumerable.Range(0, random.Next(60)).Select(_ => random.Next(3) == 0 ? words[random.Next(words.Length)] : alphabet[random.Next(alphabet.Length)]));

                var expected = new List<string>();
                for (var i = 0; i < text.Length;)
                {
                    if (!IdentifierRuns.IsRunChar(text[i]))
                    {
                        i++;
                        continue;
                    }

                    var runStart = i;
                    while (i < text.Length && IdentifierRuns.IsRunChar(text[i]))
                    {
                        i++;
                    }

                    if (table.Match(text, runStart, i - runStart) is var word and >= 0)
                    {
                        expected.Add(runStart + " " + text.Substring(runStart, i - runStart) + "=" + words[word]);
                    }
                }

                var recorder = new Recorder(text, words, new List<string>());
                IdentifierRuns.Find(text, 0, table, ref recorder);
                Assert.True(expected.SequenceEqual(recorder.Found), $"'{text}' with [{string.Join(", ", words)}]: expected [{string.Join(", ", expected)}], found [{string.Join(", ", recorder.Found)}]");
            }

            Assert.Equal(5, TriggerWords.Table.MinLength);
        }

        /// <summary>Records every literal, invocation, creation and field reference the host dispatches to it, with its member.</summary>
        private sealed class RecordingRule : MongoRule
        {
            private readonly ConcurrentBag<string> _visits;

            public RecordingRule(ConcurrentBag<string> visits)
            {
                _visits = visits;
            }

            // The driver runs no analyzer without a diagnostic it could report.
            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
                new DiagnosticDescriptor("REC001", "Recorded", "Never reported", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true));

            public override void Register(MongoAnalysisSession session) => session.RegisterOperationAction(
                context => _visits.Add($"{context.ContainingSymbol.ContainingType.Name}.{context.ContainingSymbol.Name}: {context.Operation.Syntax}"),
                OperationKind.Literal,
                OperationKind.Invocation,
                OperationKind.ObjectCreation,
                OperationKind.FieldReference);
        }

        /// <summary>The sources against driver 3.x, checked to compile: a screen test on broken code proves nothing.</summary>
        private static CSharpCompilation CompileWithoutErrors(IEnumerable<string> sources)
        {
            var compilation = AnalyzerRunner.Compile(sources, DriverVersion.V3);
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            return compilation;
        }

        private static string[] Render(ImmutableArray<Diagnostic> diagnostics) =>
            diagnostics
                .Select(d => string.Join("|", d.Id, d.Location.SourceTree?.FilePath ?? "(no file)", d.Location.SourceSpan.ToString(), d.GetMessage(CultureInfo.InvariantCulture)))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();

        /// <summary>
        /// The source as one file of global usings plus one file per top-level type (in its namespace), or, with
        /// <paramref name="memberPerFile"/>, one file per member of each type (made partial), so that a field and the
        /// code that reads it land in different files. Null when the source is not a clean file of types and namespaces.
        /// </summary>
        private static List<string>? Split(string text, bool memberPerFile)
        {
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(text, ParseOptions).GetRoot();
            if (root.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) || root.Externs.Count > 0 || root.AttributeLists.Count > 0)
            {
                return null;
            }

            var usings = new StringBuilder();
            foreach (var directive in root.Usings)
            {
                usings.Append(directive.GlobalKeyword.IsKind(SyntaxKind.None) ? "global " : string.Empty).Append(directive.ToString()).Append('\n');
            }

            var files = new List<string> { usings.ToString() };
            if (!AddTypes(root.Members, null, memberPerFile, files))
            {
                return null;
            }

            return files.Count > 2 || (files.Count == 2 && usings.Length > 0) ? files : null;
        }

        private static bool AddTypes(SyntaxList<MemberDeclarationSyntax> members, string? namespaceName, bool memberPerFile, List<string> files)
        {
            string InNamespace(string code) => namespaceName is null ? code : $"namespace {namespaceName}\n{{\n{code}\n}}\n";

            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns when ns.Usings.Count == 0 && ns.Externs.Count == 0:
                        var name = namespaceName is null ? ns.Name.ToString() : namespaceName + "." + ns.Name;
                        if (!AddTypes(ns.Members, name, memberPerFile, files))
                        {
                            return false;
                        }

                        break;
                    case TypeDeclarationSyntax type when type.Modifiers.Any(SyntaxKind.FileKeyword):
                        return false;
                    case TypeDeclarationSyntax type when memberPerFile && type.Members.Count > 1:
                        var partial = type.Modifiers.Any(SyntaxKind.PartialKeyword) ? type : type.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                        files.Add(InNamespace(partial.WithMembers(default).ToFullString()));
                        var header = "partial " + (type is RecordDeclarationSyntax record ? "record " + record.ClassOrStructKeyword.Text : type.Keyword.Text) + " " + type.Identifier.Text + type.TypeParameterList;
                        foreach (var part in type.Members)
                        {
                            files.Add(InNamespace($"{header}\n{{\n{part.ToFullString()}\n}}\n"));
                        }

                        break;
                    case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                        files.Add(InNamespace(member.ToFullString()));
                        break;
                    default:
                        return false;
                }
            }

            return true;
        }

        private struct Recorder : IWordVisitor
        {
            private readonly string _text;
            private readonly string[] _words;

            public Recorder(string text, string[] words, List<string> found)
            {
                _text = text;
                _words = words;
                Found = found;
            }

            public List<string> Found;

            void IWordVisitor.Found(int position, int word) =>
                Found.Add(position + " " + _text.Substring(position, _words[word].Length) + "=" + _words[word]);
        }
    }
}
