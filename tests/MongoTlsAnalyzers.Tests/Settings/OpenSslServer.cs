using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// A real TLS peer that we did not write: <c>openssl s_server</c> on a loopback port, serving one certificate.
    /// It speaks TLS and then HTTP, not the MongoDB protocol, so a client that gets past the handshake fails on
    /// the first reply instead: the difference between the two failures is what the tests read.
    /// </summary>
    public sealed class OpenSslServer : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();

        private OpenSslServer(Process process, int port)
        {
            _process = process;
            Port = port;
        }

        public int Port { get; }

        /// <summary>Serves <paramref name="certificate"/>, followed by the certificates in <paramref name="chainPemPath"/> when given.</summary>
        public static OpenSslServer Start(IssuedCertificate certificate, string? chainPemPath = null)
        {
            var openssl = FindOpenSsl();
            var port = FreePort();
            var start = new ProcessStartInfo(openssl)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "s_server", "-accept", "127.0.0.1:" + port, "-cert", certificate.CertificatePemPath, "-key", certificate.KeyPemPath, "-www", "-quiet" })
            {
                start.ArgumentList.Add(argument);
            }

            if (chainPemPath is not null)
            {
                start.ArgumentList.Add("-cert_chain");
                start.ArgumentList.Add(chainPemPath);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("openssl s_server did not start.");
            var server = new OpenSslServer(process, port);
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

        /// <summary>openssl from PATH. A missing openssl fails the test loudly: these tests never skip.</summary>
        private static string FindOpenSsl()
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? "openssl.exe" : "openssl");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException("openssl was not found on PATH; the real-TLS tests need it (.ci/run installs it).");
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
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
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (DateTime.UtcNow < deadline)
            {
                if (_process.HasExited)
                {
                    throw new InvalidOperationException("openssl s_server exited: " + _output);
                }

                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, Port);
                    return;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            throw new TimeoutException("openssl s_server did not listen on port " + Port + ": " + _output);
        }
    }
}
