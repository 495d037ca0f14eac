using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A TLS peer in a child process on a loopback port (openssl s_server, the Node.js mock MongoDB server). The
    /// child binds port 0 itself and prints the port the system gave it, so no other process can take the port
    /// between choosing and binding it. It finds the executable on PATH, keeps the process's output for error
    /// messages, waits until the peer accepts connections and kills the process tree on dispose. A missing tool
    /// fails the test loudly: these tests never skip.
    /// </summary>
    public sealed class PeerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new StringBuilder();
        private readonly Func<string, int?> _portInLine;
        private int _port;

        private PeerProcess(Process process, string name, Func<string, int?> portInLine)
        {
            _process = process;
            Name = name;
            _portInLine = portInLine;
        }

        public string Name { get; }

        /// <summary>The port the child bound, read from its output.</summary>
        public int Port => Volatile.Read(ref _port);

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

        /// <summary>
        /// Starts <paramref name="executable"/>, which must bind a port of its own choosing and print it; waits up
        /// to <paramref name="timeout"/> until <paramref name="portInLine"/> finds the port in a line of its output
        /// and the port accepts a TCP connection.
        /// </summary>
        public static PeerProcess Start(string name, string executable, IEnumerable<string> arguments, Func<string, int?> portInLine, TimeSpan timeout, string? workingDirectory = null)
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
            var peer = new PeerProcess(process, name, portInLine);
            process.OutputDataReceived += (_, e) => peer.Append(e.Data);
            process.ErrorDataReceived += (_, e) => peer.Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                peer.WaitUntilReady(timeout);
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

        private static bool AcceptsConnections(int port)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine(line);
            }

            if (Port == 0 && _portInLine(line) is int port)
            {
                Volatile.Write(ref _port, port);
            }
        }

        private void WaitUntilReady(TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (Port != 0 && AcceptsConnections(Port))
                {
                    return;
                }

                if (_process.HasExited)
                {
                    _process.WaitForExit();
                    throw new InvalidOperationException(Name + " exited: " + Output);
                }

                Thread.Sleep(50);
            }

            throw new TimeoutException(Name + " did not accept connections within " + timeout.TotalSeconds + " s (port " + Port + "): " + Output);
        }
    }
}
