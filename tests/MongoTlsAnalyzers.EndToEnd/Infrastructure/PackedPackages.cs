using System;
using System.IO;
using System.Linq;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.EndToEnd.Infrastructure
{
    /// <summary>
    /// Packs the solution once per test run into a local feed folder, as a release would: <c>dotnet pack
    /// MongoTlsAnalyzers.sln -o feed</c>. Each run gets its own stable version, 0.1.0.N with N the seconds since
    /// 2026-01-01, so a consumer never restores a stale copy from the NuGet global packages folder, and a plain
    /// <c>dotnet add package MongoTlsAnalyzers</c> (no version, no --prerelease), as the README says, picks it.
    /// </summary>
    public static class PackedPackages
    {
        public const string AnalyzerPackageId = "MongoTlsAnalyzers";
        public const string HelperPackageId = "MongoTlsAnalyzers.Settings";

        private static readonly Lazy<Feed> Packed = new Lazy<Feed>(Pack);

        public static Feed Instance => Packed.Value;

        private static Feed Pack()
        {
            var seconds = (long)(DateTime.UtcNow - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
            var version = "0.1.0." + seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var folder = Path.Combine(Path.GetTempPath(), "mta-e2e-feed", version);
            Directory.CreateDirectory(folder);
            var (exitCode, output) = DotNetCli.Run(
                RepositoryPaths.Root,
                TimeSpan.FromMinutes(10),
                "pack", "MongoTlsAnalyzers.sln", "-c", "Release", "-o", folder, "-p:PackageVersion=" + version, "-nologo");
            if (exitCode != 0)
            {
                throw new InvalidOperationException("dotnet pack failed:\n" + output);
            }

            return new Feed(folder, version);
        }
    }

    /// <summary>A folder of freshly packed packages and the version they carry.</summary>
    public sealed class Feed
    {
        public Feed(string folder, string version)
        {
            Folder = folder;
            Version = version;
        }

        public string Folder { get; }

        public string Version { get; }

        public string PathOf(string packageId)
        {
            var path = Path.Combine(Folder, packageId + "." + Version + ".nupkg");
            Assert.True(File.Exists(path), "missing package " + path + "; the feed holds: " + string.Join(", ", Directory.GetFiles(Folder).Select(Path.GetFileName)));
            return path;
        }
    }
}
