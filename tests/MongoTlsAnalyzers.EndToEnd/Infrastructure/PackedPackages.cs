using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Infrastructure
{
    /// <summary>
    /// Packs the packable projects once per test run into a local feed folder, as a release would. Each run gets its
    /// own stable version, 0.1.0.N with N the seconds since 2026-01-01, so a consumer never restores a stale copy from
    /// the NuGet global packages folder, and a plain <c>dotnet add package MongoTlsAnalyzers</c> (no version, no
    /// --prerelease), as the README says, picks it.
    /// <para>
    /// A new version means a new restore of every project packed, so the packing never happens in the repository:
    /// it copies the sources a pack needs (src/ and the root files the projects import or pack) to a temporary
    /// folder with its own obj/ and bin/, and packs every project under src/ whose IsPackable is true there. The
    /// repository's own build state (the unit tests' obj/project.assets.json, which <c>dotnet test
    /// MongoTlsAnalyzers.sln</c> may be using at that moment) is never written; <see cref="Feed.BuildStateChanges"/>
    /// records whether it stayed byte-identical.
    /// </para>
    /// </summary>
    public static class PackedPackages
    {
        public const string AnalyzerPackageId = "MongoTlsAnalyzers";
        public const string HelperPackageId = "MongoTlsAnalyzers.Settings";

        /// <summary>Files at the repository root that src/ projects import (props, targets, settings) or pack (README, LICENSE).</summary>
        private static readonly string[] RootFiles =
        {
            "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "Directory.Build.rsp",
            "global.json", "NuGet.config", "NuGet.Config", "nuget.config", ".editorconfig", ".globalconfig",
            "README.md", "LICENSE",
        };

        /// <summary>Folders copied whole (minus build output), relative to the repository root.</summary>
        private static readonly string[] SourceFolders = { "src" };

        private static readonly Lazy<Feed> Packed = new Lazy<Feed>(Pack);

        public static Feed Instance => Packed.Value;

        private static Feed Pack()
        {
            var seconds = (long)(DateTime.UtcNow - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            var version = "0.1.0." + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var work = Path.Combine(Path.GetTempPath(), "mta-e2e-feed", version);
            var folder = Path.Combine(work, "feed");
            var copy = Path.Combine(work, "repo");
            Directory.CreateDirectory(folder);

            var before = BuildState.Snapshot(RepositoryPaths.Root);
            CopySources(RepositoryPaths.Root, copy);
            var projects = PackableProjects(copy);
            if (projects.Count == 0)
            {
                throw new InvalidOperationException("no packable project under " + Path.Combine(copy, "src"));
            }

            foreach (var project in projects)
            {
                var (exitCode, output) = DotNetCli.Run(
                    copy,
                    TimeSpan.FromMinutes(10),
                    "pack", project, "-c", "Release", "-o", folder, "-p:PackageVersion=" + version, "-nologo");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException("dotnet pack " + project + " failed:\n" + output);
                }
            }

            var changes = BuildState.Differences(before, BuildState.Snapshot(RepositoryPaths.Root));
            return new Feed(folder, version, copy, projects, changes, before.Count);
        }

        /// <summary>Copies src/ (without bin/ and obj/) and the root files it needs into <paramref name="destination"/>.</summary>
        internal static void CopySources(string root, string destination)
        {
            if (Directory.Exists(destination))
            {
                Directory.Delete(destination, recursive: true);
            }

            Directory.CreateDirectory(destination);
            foreach (var name in RootFiles)
            {
                var source = Path.Combine(root, name);
                if (File.Exists(source))
                {
                    File.Copy(source, Path.Combine(destination, name));
                }
            }

            foreach (var folder in SourceFolders)
            {
                CopyTree(Path.Combine(root, folder), Path.Combine(destination, folder));
            }
        }

        private static void CopyTree(string source, string destination)
        {
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(destination, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(source))
            {
                var name = Path.GetFileName(directory);
                if (name is "bin" or "obj" || name.StartsWith(".", StringComparison.Ordinal))
                {
                    continue;
                }

                CopyTree(directory, Path.Combine(destination, name));
            }
        }

        /// <summary>The projects under src/ whose evaluated IsPackable is true, relative to <paramref name="root"/>, in order.</summary>
        internal static IReadOnlyList<string> PackableProjects(string root)
        {
            var packable = new List<string>();
            var projects = Directory.GetFiles(Path.Combine(root, "src"), "*.csproj", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal);
            foreach (var project in projects)
            {
                var (exitCode, output) = DotNetCli.Run(
                    root,
                    TimeSpan.FromMinutes(5),
                    "msbuild", project, "-getProperty:IsPackable", "-p:Configuration=Release", "-nologo");
                if (exitCode != 0)
                {
                    throw new InvalidOperationException("cannot evaluate IsPackable of " + project + ":\n" + output);
                }

                if (string.Equals(output.Trim(), "true", StringComparison.OrdinalIgnoreCase))
                {
                    packable.Add(project);
                }
            }

            return packable;
        }
    }

    /// <summary>Hashes and write times of the repository's tests/*/obj/project.assets.json files.</summary>
    internal static class BuildState
    {
        public static IReadOnlyDictionary<string, (string Hash, DateTime WriteTime)> Snapshot(string root)
        {
            var state = new SortedDictionary<string, (string, DateTime)>(StringComparer.Ordinal);
            foreach (var project in Directory.GetDirectories(Path.Combine(root, "tests")))
            {
                var assets = Path.Combine(project, "obj", "project.assets.json");
                if (File.Exists(assets))
                {
                    state[Path.GetRelativePath(root, assets).Replace('\\', '/')] =
                        (Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(assets))), File.GetLastWriteTimeUtc(assets));
                }
            }

            return state;
        }

        public static IReadOnlyList<string> Differences(
            IReadOnlyDictionary<string, (string Hash, DateTime WriteTime)> before,
            IReadOnlyDictionary<string, (string Hash, DateTime WriteTime)> after)
        {
            var changes = new List<string>();
            foreach (var path in before.Keys.Union(after.Keys).OrderBy(p => p, StringComparer.Ordinal))
            {
                var had = before.TryGetValue(path, out var old);
                var has = after.TryGetValue(path, out var now);
                if (had != has)
                {
                    changes.Add(path + (had ? " was deleted" : " was created"));
                }
                else if (old.Hash != now.Hash)
                {
                    changes.Add(path + " changed content");
                }
                else if (old.WriteTime != now.WriteTime)
                {
                    changes.Add(path + " was rewritten (" + old.WriteTime.ToString("O") + " -> " + now.WriteTime.ToString("O") + ")");
                }
            }

            return changes;
        }
    }

    /// <summary>A folder of freshly packed packages and the version they carry.</summary>
    public sealed class Feed
    {
        public Feed(string folder, string version, string packedFrom, IReadOnlyList<string> projects, IReadOnlyList<string> buildStateChanges, int buildStateFiles)
        {
            Folder = folder;
            Version = version;
            PackedFrom = packedFrom;
            Projects = projects;
            BuildStateChanges = buildStateChanges;
            BuildStateFiles = buildStateFiles;
        }

        public string Folder { get; }

        public string Version { get; }

        /// <summary>The temporary copy of the sources the packages were packed from.</summary>
        public string PackedFrom { get; }

        /// <summary>The projects packed, relative to <see cref="PackedFrom"/>.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>The repository's tests/*/obj/project.assets.json files that packing created, deleted or rewrote.</summary>
        public IReadOnlyList<string> BuildStateChanges { get; }

        /// <summary>How many tests/*/obj/project.assets.json files there were before packing.</summary>
        public int BuildStateFiles { get; }

        public string PathOf(string packageId)
        {
            var path = Path.Combine(Folder, packageId + "." + Version + ".nupkg");
            Assert.True(File.Exists(path), "missing package " + path + "; the feed holds: " + string.Join(", ", Directory.GetFiles(Folder).Select(Path.GetFileName)));
            return path;
        }
    }
}
