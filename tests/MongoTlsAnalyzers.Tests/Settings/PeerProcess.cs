using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MongoTlsAnalyzers.Tests.Settings
{
    /// <summary>
    /// A TLS peer in a child process on a loopback port (openssl s_server, the Node.js mock MongoDB server): it finds
    /// the executable on PATH, picks a free port, keeps the process's output for error messages, waits until the
    /// peer is ready and kills the process tree on dispose. A missing tool fails the test loudly: these tests never skip.
    /// </summary>
    public sealed class PeerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();

        private PeerProcess(Process process, string name, int port)
        {
            _process = process;
            Name = name;
            Port = port;
        }

        public string Name { get; }

        public int Port { get; }

        /// <summary>The process's standard output and error so far.</summary>
        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        /// <summary>Starts <paramref name="executable"/> and waits up to <paramref name="timeout"/> until <paramref name="isReady"/> holds.</summary>
        public static PeerProcess Start(string name, string executable, IEnumerable<string> arguments, int port, Func<PeerProcess, bool> isReady, TimeSpan timeout, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (workingDirectory is not null)
            {
                start.WorkingDirectory = workingDirectory;
            }

            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException(name + " did not start.");
            var peer = new PeerProcess(process, name, port);
            process.OutputDataReceived += (_, e) => peer.Append(e.Data);
            process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                peer.WaitUntil(isReady, timeout);
            }
            catch
            {
                peer.Dispose();
                throw;
            }

            return peer;
        }

        /// <summary>The full path of <paramref name="tool"/> on PATH, or an exception that says what needs it.</summary>
        public static string FindOnPath(string tool, string neededFor)
        {
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(directory, OperatingSystem.IsWindows() ? tool + ".exe" : tool);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            throw new InvalidOperationException(tool + " was not found on PATH; " + neededFor);
        }

        public static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        /// <summary>Readiness by connection: the peer accepts a TCP connection on its port.</summary>
        public static bool AcceptsConnections(PeerProcess peer)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, peer.Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
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

        private void WaitUntil(Func<PeerProcess, bool> isReady, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (isReady(this))
                {
                    return;
                }

                if (_process.HasExited)
                {
                    throw new InvalidOperationException(Name + " exited: " + Output);
                }

                Thread.Sleep(50);
            }

            throw new TimeoutException(Name + " was not ready on port " + Port + " within " + timeout.TotalSeconds + " s: " + Output);
        }
    }
}
