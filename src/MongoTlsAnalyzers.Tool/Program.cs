using System;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.Tool
{
    /// <summary>The mongo-tls entry point.</summary>
    public static class Program
    {
        /// <summary>Runs the command line; colours only on a terminal.</summary>
        public static Task<int> Main(string[] args) =>
            MongoTlsCommandLine.RunAsync(args, Console.Out, colour: !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);
    }
}
