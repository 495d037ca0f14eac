using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using MongoTlsAnalyzers.Settings.Probing;

namespace MongoTlsAnalyzers.Tool
{
    /// <summary>The mongo-tls command line: <c>mongo-tls probe &lt;connection string&gt; [--ca] [--json] [--timeout] [--resolve]...</c>.</summary>
    public static class MongoTlsCommandLine
    {
        /// <summary>Exit code when every host passed.</summary>
        public const int Passed = 0;

        /// <summary>Exit code when a host failed or the connection string could not be probed.</summary>
        public const int Failed = 1;

        /// <summary>Exit code for a usage error.</summary>
        public const int UsageError = 2;

        /// <summary>Parses <paramref name="args"/>, runs the command and writes its output to <paramref name="output"/>.</summary>
        public static async Task<int> RunAsync(string[] args, TextWriter output, bool colour)
        {
            var connectionString = new Argument<string>("connection-string") { Description = "The MongoDB connection string (mongodb:// or mongodb+srv://). Its password is never printed." };
            var ca = new Option<FileInfo?>("--ca") { Description = "A PEM file with the private CA to validate the servers' certificates against, besides the system store." };
            var json = new Option<bool>("--json") { Description = "Write the report as JSON (docs/probe.md describes it)." };
            var timeout = new Option<int>("--timeout") { Description = "Seconds each step (DNS, TCP, TLS, hello) may take.", DefaultValueFactory = _ => 10 };
            var resolve = new Option<string[]>("--resolve") { Description = "host:port:address, as in curl: connect to address, but use host for SNI and the certificate check. Repeatable.", AllowMultipleArgumentsPerToken = false };

            var probe = new Command("probe", "Probe the servers of a connection string and explain any TLS failure.") { connectionString, ca, json, timeout, resolve };
            probe.SetAction(async (parse, cancellationToken) =>
            {
                var options = new MongoTlsProbeOptions { Timeout = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))) };
                var caFile = parse.GetValue(ca);
                if (caFile is not null)
                {
                    if (!caFile.Exists)
                    {
                        await output.WriteLineAsync($"--ca: the file '{caFile.FullName}' does not exist.").ConfigureAwait(false);
                        return UsageError;
                    }

                    options.CaPemPath = caFile.FullName;
                }

                foreach (var entry in parse.GetValue(resolve) ?? Array.Empty<string>())
                {
                    if (!options.AddResolve(entry))
                    {
                        await output.WriteLineAsync($"--resolve '{entry}' is not host:port:address.").ConfigureAwait(false);
                        return UsageError;
                    }
                }

                ProbeReport report;
                try
                {
                    report = await MongoTlsProbe.RunAsync(parse.GetValue(connectionString)!, options, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentException ex)
                {
                    await output.WriteLineAsync(ex.Message).ConfigureAwait(false);
                    return UsageError;
                }

                if (parse.GetValue(json))
                {
                    await output.WriteLineAsync(ProbeJson.Write(report)).ConfigureAwait(false);
                }
                else
                {
                    new ProbeText(output, colour).Write(report);
                }

                return report.Passed ? Passed : Failed;
            });

            var root = new RootCommand("mongo-tls: diagnose TLS connections to MongoDB.") { probe };
            var parsed = root.Parse(args);
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
