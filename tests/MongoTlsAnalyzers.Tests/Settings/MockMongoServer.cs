using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// A MongoDB wire-protocol peer over TLS: tests/tools/mock-tls-server.js on Node.js, using the
    /// mongodb-mock-server package (installed into tests/tools by .ci/run). It answers the handshake with a
    /// 3.4-era hello, so a driver that gets through TLS reads a real reply and then reports the server as too old.
    /// </summary>
    public sealed class MockMongoServer : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();

        private MockMongoServer(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        public static MockMongoServer Start(IssuedCertificate certificate)
        {
            var tools = RepositoryPaths.Combine("tests", "tools");
            if (!Directory.Exists(Path.Combine(tools, "node_modules", "mongodb-mock-server")))
            {
                throw new InvalidOperationException("tests/tools/node_modules/mongodb-mock-server is missing; run 'npm install --ignore-scripts' in tests/tools (.ci/run does).");
            }

            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            var start = new ProcessStartInfo(FindNode())
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "mock-tls-server.js", port.ToString(System.Globalization.CultureInfo.InvariantCulture), certificate.CertificatePemPath, certificate.KeyPemPath })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
            var server = new MockMongoServer(process, port);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            server.WaitUntilListening();
            return server;
        }

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                _process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            _process.Dispose();
        }

        private static string FindNode()
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "node.exe" : "node");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("node was not found on PATH; the real-TLS driver tests need Node.js.");
        }

        private void Append(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.AppendLine(line);
                }
            }
        }

        private void WaitUntilListening()
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                lock (_output)
                {
                    if (_output.ToString().Contains("listening", StringComparison.Ordinal))
                    {
                        return;
                    }
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException("the mock MongoDB server exited: " + _output);
                }

                System.Threading.Thread.Sleep(50);
            }

            throw new TimeoutException("the mock MongoDB server did not start: " + _output);
        }
    }
}
