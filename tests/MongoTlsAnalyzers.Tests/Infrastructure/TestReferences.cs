using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>The MongoDB.Driver line a test compilation references.</summary>
    public enum DriverVersion
    {
        /// <summary>No MongoDB assemblies at all.</summary>
        None,

        /// <summary>MongoDB.Driver 2.30.0 (with MongoDB.Driver.Core).</summary>
        V2,

        /// <summary>MongoDB.Driver 3.14.0.</summary>
        V3,
    }

    /// <summary>
    /// Metadata references for test compilations, built from files restored with the test project
    /// (listed in test-references.txt by the project's WriteTestReferenceManifest target). Nothing is
    /// downloaded at test time.
    /// </summary>
    public static class TestReferences
    {
        private static readonly Lazy<Manifest> Loaded = new Lazy<Manifest>(Load);

        public static ImmutableArray<MetadataReference> For(DriverVersion driver)
        {
            var manifest = Loaded.Value;
            return driver switch
            {
                DriverVersion.None => manifest.Framework.AddRange(manifest.Extensions),
                DriverVersion.V2 => manifest.Framework.AddRange(manifest.Extensions).AddRange(manifest.Mongo2),
                DriverVersion.V3 => manifest.Framework.AddRange(manifest.Extensions).AddRange(manifest.Mongo3),
                _ => throw new ArgumentOutOfRangeException(nameof(driver)),
            };
        }

        /// <summary>Paths of the MongoDB.Driver 2.30 assemblies (for loading the 2.x parser).</summary>
        public static IReadOnlyList<string> Mongo2Paths => Loaded.Value.Mongo2Paths;

        private static Manifest Load()
        {
            var framework = ImmutableArray.CreateBuilder<MetadataReference>();
            var extensions = ImmutableArray.CreateBuilder<MetadataReference>();
            var mongo3 = ImmutableArray.CreateBuilder<MetadataReference>();
            var mongo2 = ImmutableArray.CreateBuilder<MetadataReference>();
            var mongo2Paths = new List<string>();
            foreach (var (kind, file) in ReferenceManifest.Read("test-references.txt", "rebuild the test project."))
            {
                var reference = MetadataReference.CreateFromFile(file);
                var name = Path.GetFileNameWithoutExtension(file);
                switch (kind)
                {
                    case "framework":
                        framework.Add(reference);
                        break;
                    case "package" when name.StartsWith("MongoDB.", StringComparison.Ordinal):
                        mongo3.Add(reference);
                        break;
                    case "package":
                        extensions.Add(reference);
                        break;
                    case "mongo2":
                        mongo2.Add(reference);
                        mongo2Paths.Add(file);
                        break;
                }
            }

            if (framework.Count == 0 || mongo3.Count == 0 || mongo2.Count == 0)
            {
                throw new InvalidOperationException("test-references.txt is incomplete: " + string.Join(", ", framework.Count, mongo3.Count, mongo2.Count));
            }

            return new Manifest(framework.ToImmutable(), extensions.ToImmutable(), mongo3.ToImmutable(), mongo2.ToImmutable(), mongo2Paths);
        }

        private sealed record Manifest(
            ImmutableArray<MetadataReference> Framework,
            ImmutableArray<MetadataReference> Extensions,
            ImmutableArray<MetadataReference> Mongo3,
            ImmutableArray<MetadataReference> Mongo2,
            IReadOnlyList<string> Mongo2Paths);
    }
}
