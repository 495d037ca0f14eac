using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MongoTlsAnalyzers.Benchmarks.Analyzers;
using MongoTlsAnalyzers.Benchmarks.References;

namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>A parsed code base (generated, or every .cs file of a folder) and the compilations made from it.</summary>
    public sealed class AnalyzedCodeBase
    {
        /// <summary>The usings an SDK project with ImplicitUsings=enable gets, for folders of real projects.</summary>
        private const string ImplicitUsings =
            "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\nglobal using System.Linq;\n" +
            "global using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

        private static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.Latest);

        private AnalyzedCodeBase(string description, IReadOnlyList<SourceFile> files)
        {
            Description = description;
            Files = files.Count;
            Lines = files.Sum(f => CodeBaseGenerator.CountLines(f.Text));
            MongoFiles = files.Count(f => f.UsesMongo);
            var trees = new SyntaxTree[files.Count];
            Parallel.For(0, files.Count, i => trees[i] = CSharpSyntaxTree.ParseText(files[i].Text, ParseOptions, files[i].Path));
            Trees = trees.ToImmutableArray();
            NonMongoTrees = Enumerable.Range(0, files.Count).Where(i => !files[i].UsesMongo).Select(i => trees[i]).ToImmutableArray();
        }

        public string Description { get; }

        public int Files { get; }

        public int Lines { get; }

        /// <summary>How many files use MongoDB.</summary>
        public int MongoFiles { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        /// <summary>The files that do not use MongoDB (for the compilation without the driver).</summary>
        public ImmutableArray<SyntaxTree> NonMongoTrees { get; }

        /// <summary>The code base's appsettings files, as the package passes them (additional files); empty for a folder.</summary>
        public ImmutableArray<AdditionalText> ConfigurationFiles { get; private set; } = ImmutableArray<AdditionalText>.Empty;

        public static AnalyzedCodeBase Generate(int minFiles, int minLines, int seed = CodeBaseGenerator.DefaultSeed) =>
            new AnalyzedCodeBase($"generated (seed {seed})", CodeBaseGenerator.Generate(minFiles, minLines, seed))
            {
                ConfigurationFiles = ConfigurationFileGenerator.Generate(CodeBaseGenerator.Modules),
            };

        /// <summary>Every .cs file under <paramref name="folder"/> except bin/ and obj/, plus the implicit global usings.</summary>
        public static AnalyzedCodeBase FromFolder(string folder)
        {
            var root = Path.GetFullPath(folder);
            if (!Directory.Exists(root))
            {
                throw new DirectoryNotFoundException("No such folder: " + root);
            }

            var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p =>
                {
                    var text = File.ReadAllText(p);
                    return new SourceFile(p, text, text.Contains("MongoDB.", StringComparison.Ordinal));
                })
                .ToList();
            files.Add(new SourceFile(Path.Combine(root, "obj", "ImplicitUsings.g.cs"), ImplicitUsings, false));
            return new AnalyzedCodeBase(root, files);
        }

        /// <summary>
        /// A fresh compilation (no bound state) of every file, referencing MongoDB.Driver 3.x. Clones share the
        /// resolved references, so each pass measures binding and analysis, not reference loading.
        /// </summary>
        public CSharpCompilation CompileWithDriver(bool concurrentBuild) =>
            Base(ref concurrentBuild ? ref _withDriverConcurrent : ref _withDriver, Trees, BenchReferences.WithDriver, concurrentBuild).Clone();

        /// <summary>A fresh compilation of the files that do not use MongoDB, without any MongoDB reference.</summary>
        public CSharpCompilation CompileWithoutDriver(bool concurrentBuild) =>
            Base(ref concurrentBuild ? ref _withoutDriverConcurrent : ref _withoutDriver, NonMongoTrees, BenchReferences.WithoutDriver, concurrentBuild).Clone();

        private CSharpCompilation? _withDriver;
        private CSharpCompilation? _withDriverConcurrent;
        private CSharpCompilation? _withoutDriver;
        private CSharpCompilation? _withoutDriverConcurrent;

        private static CSharpCompilation Base(ref CSharpCompilation? slot, ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool concurrentBuild)
        {
            if (slot is null)
            {
                slot = Create(trees, references, concurrentBuild);
                // Resolve the references once, before cloning.
                _ = slot.ReferencedAssemblyNames.Count();
            }

            return slot;
        }

        private static CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool concurrentBuild) =>
            CSharpCompilation.Create(
                "Contoso.Platform",
                trees,
                references,
                new CSharpCompilationOptions(
                    OutputKind.DynamicallyLinkedLibrary,
                    nullableContextOptions: NullableContextOptions.Enable,
                    concurrentBuild: concurrentBuild,
                    specificDiagnosticOptions: SdkNoWarn.AddRange(PeerAnalyzers.DiagnosticOptions)));

        /// <summary>What the .NET SDK passes as NoWarn by default (CS1701/CS1702: assembly-version unification notes).</summary>
        private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn =
            ImmutableDictionary.CreateRange(new[] { new KeyValuePair<string, ReportDiagnostic>("CS1701", ReportDiagnostic.Suppress), new KeyValuePair<string, ReportDiagnostic>("CS1702", ReportDiagnostic.Suppress) });
    }
}
