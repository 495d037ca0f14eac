using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>The machine and runtime the figures were taken on.</summary>
    public static class MachineInfo
    {
        public static string Describe()
        {
            var roslyn = typeof(Compilation).Assembly.GetName().Version;
            var load = File.Exists("/proc/loadavg") ? " load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + ";" : string.Empty;
            return string.Join(
                Environment.NewLine,
                "Date:     " + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
                $"Machine:  {Environment.ProcessorCount} logical CPUs ({Cpu()});{load} {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}",
                $"Runtime:  {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, Roslyn (host) {roslyn}, MongoTlsAnalyzers built against Roslyn 4.8");
        }

        private static string Cpu()
        {
            try
            {
                var line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
                return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line.Substring(line.IndexOf(':') + 1).Trim();
            }
            catch (IOException)
            {
                return RuntimeInformation.ProcessArchitecture.ToString();
            }
        }
    }
}
