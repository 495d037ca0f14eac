using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Benchmarks.References
{
    /// <summary>
    /// Metadata references for the analyzed compilations and the paths of the peer analyzers, read from
    /// bench-references.txt (written at build time by the project's WriteBenchReferenceManifest target from
    /// the files restored with this project). Nothing is downloaded at run time.
    /// </summary>
    public static class BenchReferences
    {
        private static readonly Lazy<Manifest> Loaded = new Lazy<Manifest>(Load);

        /// <summary>The net10.0 reference assemblies plus Microsoft.Extensions.* abstractions.</summary>
        public static ImmutableArray<MetadataReference> WithoutDriver => Loaded.Value.Framework.AddRange(Loaded.Value.Extensions);

        /// <summary>As <see cref="WithoutDriver"/>, plus MongoDB.Driver 3.x and MongoDB.Bson.</summary>
        public static ImmutableArray<MetadataReference> WithDriver => WithoutDriver.AddRange(Loaded.Value.Mongo);

        /// <summary>The NetAnalyzers assemblies (Microsoft.CodeAnalysis.NetAnalyzers.dll and its C# twin).</summary>
        public static IReadOnlyList<string> PeerAnalyzerPaths => Loaded.Value.PeerPaths;

        /// <summary>A one-line description of the references, for the report.</summary>
        public static string Describe()
        {
            var m = Loaded.Value;
            return $"{m.Framework.Length} framework, {m.Extensions.Length} Microsoft.Extensions, {m.Mongo.Length} MongoDB ({string.Join(", ", m.MongoNames)})";
        }

        private static Manifest Load()
        {
            var framework = ImmutableArray.CreateBuilder<MetadataReference>();
            var extensions = ImmutableArray.CreateBuilder<MetadataReference>();
            var mongo = ImmutableArray.CreateBuilder<MetadataReference>();
            var mongoNames = new List<string>();
            var peers = new List<string>();
            foreach (var (kind, file) in ReferenceManifest.Read("bench-references.txt", "rebuild the benchmark project."))
            {
                var name = Path.GetFileNameWithoutExtension(file);
                switch (kind)
                {
                    case "framework":
                        framework.Add(MetadataReference.CreateFromFile(file));
                        break;
                    case "package" when name.StartsWith("MongoDB.", StringComparison.Ordinal):
                        mongo.Add(MetadataReference.CreateFromFile(file));
                        mongoNames.Add(name + " " + DescribeVersion(file));
                        break;
                    case "package":
                        extensions.Add(MetadataReference.CreateFromFile(file));
                        break;
                    case "peer":
                        peers.Add(file);
                        break;
                }
            }

            if (framework.Count == 0 || mongo.Count == 0 || peers.Count == 0)
            {
                throw new InvalidOperationException($"bench-references.txt is incomplete: {framework.Count} framework, {mongo.Count} MongoDB, {peers.Count} peer files.");
            }

            return new Manifest(framework.ToImmutable(), extensions.ToImmutable(), mongo.ToImmutable(), mongoNames, peers);
        }

        private static string DescribeVersion(string file)
        {
            // .../mongodb.driver/3.14.0/lib/net6.0/MongoDB.Driver.dll: the package version is four levels up.
            var dir = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(file)));
            return dir is null ? "?" : Path.GetFileName(dir);
        }

        private sealed record Manifest(
            ImmutableArray<MetadataReference> Framework,
            ImmutableArray<MetadataReference> Extensions,
            ImmutableArray<MetadataReference> Mongo,
            IReadOnlyList<string> MongoNames,
            IReadOnlyList<string> PeerPaths);
    }
}
