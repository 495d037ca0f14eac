using System;
using System.IO;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>Locates the repository (the folder with MongoTlsAnalyzers.sln) from the test assembly's folder.</summary>
    public static class TestRepository
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "MongoTlsAnalyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find MongoTlsAnalyzers.sln above " + AppContext.BaseDirectory);
        });

        public static string Root => RootPath.Value;

        public static string Combine(params string[] parts) => Path.Combine(Root, Path.Combine(parts));
    }
}
