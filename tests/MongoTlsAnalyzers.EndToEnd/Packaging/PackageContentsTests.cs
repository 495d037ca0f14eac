using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using MongoTlsAnalyzers.EndToEnd.Infrastructure;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Packaging
{
    /// <summary>
    /// What packing the packable projects of src/ produces, file by file: the analyzer package carries our two
    /// assemblies and build files only (no lib/, no third-party DLL); the helper package carries its library and
    /// depends on the analyzer package; both carry the metadata a NuGet gallery shows.
    /// </summary>
    public sealed class PackageContentsTests
    {
        private static readonly string[] AnalyzerPackageFiles =
        {
            "MongoTlsAnalyzers.nuspec",
            "README.md",
            "analyzers/dotnet/cs/MongoTlsAnalyzers.CodeFixes.dll",
            "analyzers/dotnet/cs/MongoTlsAnalyzers.dll",
            "build/MongoTlsAnalyzers.props",
            "build/MongoTlsAnalyzers.targets",
            "build/config/mongotls_default.globalconfig",
            "build/config/mongotls_none.globalconfig",
            "build/config/mongotls_recommended.globalconfig",
            "build/config/mongotls_strict.globalconfig",
            "buildTransitive/MongoTlsAnalyzers.props",
            "buildTransitive/MongoTlsAnalyzers.targets",
            "buildTransitive/config/mongotls_default.globalconfig",
            "buildTransitive/config/mongotls_none.globalconfig",
            "buildTransitive/config/mongotls_recommended.globalconfig",
            "buildTransitive/config/mongotls_strict.globalconfig",
            "icon.png",
        };

        private static readonly string[] HelperPackageFiles =
        {
            "MongoTlsAnalyzers.Settings.nuspec",
            "README.md",
            "icon.png",
            "lib/net8.0/MongoTlsAnalyzers.Settings.dll",
            "lib/net8.0/MongoTlsAnalyzers.Settings.xml",
        };

        [Fact]
        public void TheAnalyzerPackageHoldsExactlyOurAnalyzersAndBuildFiles()
        {
            using var package = ZipFile.OpenRead(PackedPackages.Instance.PathOf(PackedPackages.AnalyzerPackageId));
            Assert.Equal(AnalyzerPackageFiles, Content(package));
            Assert.DoesNotContain(package.Entries, e => e.FullName.StartsWith("lib/", StringComparison.Ordinal));

            var metadata = Metadata(package);
            Assert.Equal("true", Value(metadata, "developmentDependency"));
            Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));
            AssertGalleryMetadata(package, metadata, "MongoTlsAnalyzers");
        }

        [Fact]
        public void TheHelperPackageHoldsItsLibraryAndDependsOnTheAnalyzerPackage()
        {
            var feed = PackedPackages.Instance;
            using var package = ZipFile.OpenRead(feed.PathOf(PackedPackages.HelperPackageId));
            Assert.Equal(HelperPackageFiles, Content(package));

            var metadata = Metadata(package);
            var ns = metadata.Name.Namespace;
            var dependencies = metadata.Element(ns + "dependencies")!.Elements(ns + "group").ToList();
            Assert.Equal(new[] { "net8.0" }, dependencies.Select(g => (string?)g.Attribute("targetFramework")));
            var analyzers = Assert.Single(dependencies[0].Elements(ns + "dependency"), d => (string?)d.Attribute("id") == PackedPackages.AnalyzerPackageId);
            Assert.Equal(feed.Version, (string?)analyzers.Attribute("version"));
            // "All": the analyzers and their build files flow to whoever installs the helper.
            Assert.Equal("All", (string?)analyzers.Attribute("include"));
            Assert.Contains(dependencies[0].Elements(ns + "dependency"), d => (string?)d.Attribute("id") == "MongoDB.Driver" && ((string?)d.Attribute("version"))!.StartsWith("3.", StringComparison.Ordinal));
            Assert.Null(metadata.Element(ns + "developmentDependency"));
            AssertGalleryMetadata(package, metadata, "MongoTlsAnalyzers.Settings");
        }

        [Fact]
        public void TheAnalyzerAssembliesReferenceOnlyRoslynAtTheFloorAndTheFramework()
        {
            using var package = ZipFile.OpenRead(PackedPackages.Instance.PathOf(PackedPackages.AnalyzerPackageId));
            foreach (var entry in package.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal)))
            {
                using var stream = new MemoryStream();
                using (var source = entry.Open())
                {
                    source.CopyTo(stream);
                }

                stream.Position = 0;
                using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
                var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
                var references = metadata.AssemblyReferences
                    .Select(handle => metadata.GetAssemblyReference(handle))
                    .Select(reference => metadata.GetString(reference.Name) + " " + reference.Version)
                    .ToList();
                foreach (var reference in references)
                {
                    Assert.True(
                        reference.StartsWith("netstandard ", StringComparison.Ordinal)
                        || reference.StartsWith("System.", StringComparison.Ordinal)
                        || reference.StartsWith("MongoTlsAnalyzers ", StringComparison.Ordinal)
                        || reference == "Microsoft.CodeAnalysis 4.8.0.0"
                        || reference == "Microsoft.CodeAnalysis.CSharp 4.8.0.0"
                        || reference == "Microsoft.CodeAnalysis.Workspaces 4.8.0.0"
                        || reference == "Microsoft.CodeAnalysis.CSharp.Workspaces 4.8.0.0",
                        entry.FullName + " references " + reference);
                }

                if (entry.Name == "MongoTlsAnalyzers.dll")
                {
                    // docs/architecture.md "The house": the analyzer assembly references neither Workspaces nor the runtime helper.
                    Assert.DoesNotContain(references, r => r.Contains("Workspaces", StringComparison.Ordinal) || r.Contains("Settings", StringComparison.Ordinal));
                }
            }
        }

        [Fact]
        public void PackingLeavesTheRepositoryBuildStateAlone()
        {
            var feed = PackedPackages.Instance;
            // The unit tests' obj/project.assets.json exists once the solution is built (dotnet test builds first),
            // so an empty snapshot would mean the check looked in the wrong place.
            Assert.True(feed.BuildStateFiles > 0, "no tests/*/obj/project.assets.json found under " + RepositoryPaths.Root);
            Assert.Empty(feed.BuildStateChanges);
            Assert.False(IsUnder(feed.PackedFrom, RepositoryPaths.Root), "packed inside the repository: " + feed.PackedFrom);
            Assert.True(File.Exists(Path.Combine(feed.PackedFrom, "src", "MongoTlsAnalyzers.Package", "obj", "project.assets.json")), "the copy has no build state of its own");
        }

        [Fact]
        public void EveryPackableSourceProjectIsPackedAndNothingElse()
        {
            var feed = PackedPackages.Instance;
            Assert.Contains("src/MongoTlsAnalyzers.Package/MongoTlsAnalyzers.Package.csproj", feed.Projects);
            Assert.Contains("src/MongoTlsAnalyzers.Settings/MongoTlsAnalyzers.Settings.csproj", feed.Projects);
            Assert.DoesNotContain("src/MongoTlsAnalyzers/MongoTlsAnalyzers.csproj", feed.Projects);
            Assert.DoesNotContain("src/MongoTlsAnalyzers.CodeFixes/MongoTlsAnalyzers.CodeFixes.csproj", feed.Projects);
            Assert.All(feed.Projects, p => Assert.StartsWith("src/", p, StringComparison.Ordinal));
            Assert.Equal(feed.Projects.Count, Directory.GetFiles(feed.Folder, "*.nupkg").Length);
        }

        private static bool IsUnder(string path, string folder)
        {
            var relative = Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path));
            return relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        }

        private static string[] Content(ZipArchive package) =>
            package.Entries
                .Select(e => e.FullName)
                .Where(name => name != "[Content_Types].xml" && !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/services/", StringComparison.Ordinal))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

        private static XElement Metadata(ZipArchive package)
        {
            var nuspec = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var stream = nuspec.Open();
            var document = XDocument.Load(stream);
            return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
        }

        private static string? Value(XElement metadata, string name) => metadata.Element(metadata.Name.Namespace + name)?.Value;

        private static void AssertGalleryMetadata(ZipArchive package, XElement metadata, string id)
        {
            var ns = metadata.Name.Namespace;
            Assert.Equal(id, Value(metadata, "id"));
            Assert.Equal(PackedPackages.Instance.Version, Value(metadata, "version"));
            Assert.Equal("MIT", Value(metadata, "license"));
            Assert.Equal("expression", (string?)metadata.Element(ns + "license")!.Attribute("type"));
            Assert.Equal("icon.png", Value(metadata, "icon"));
            Assert.Equal("README.md", Value(metadata, "readme"));
            Assert.Equal("https://github.com/mongotlsanalyzers/MongoTlsAnalyzers", (string?)metadata.Element(ns + "repository")!.Attribute("url"));
            Assert.Equal("git", (string?)metadata.Element(ns + "repository")!.Attribute("type"));
            Assert.Contains("mongodb", Value(metadata, "tags")!.Split(' '));
            Assert.Contains("tls", Value(metadata, "tags")!.Split(' '));
            Assert.True(Value(metadata, "description")!.Length > 100, "description too short");

            using (var icon = package.GetEntry("icon.png")!.Open())
            {
                var header = new byte[8];
                icon.ReadExactly(header);
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, header);
            }

            using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
            var text = readme.ReadToEnd();
            Assert.StartsWith("# " + id + "\n", text.Replace("\r\n", "\n"), StringComparison.Ordinal);
            Assert.Contains("dotnet add package " + id, text, StringComparison.Ordinal);
        }
    }
}
