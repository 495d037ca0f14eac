using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.EndToEnd.Ide
{
    /// <summary>
    /// A minimal LSP client over a language server's stdin/stdout: Content-Length framing, requests correlated by id,
    /// every notification kept in arrival order for <see cref="WaitForNotification"/>, and server-to-client requests
    /// answered by a callback. Every wait has a timeout; failures carry the server's stderr and the last messages on the
    /// wire. Disposing kills the server's process tree.
    /// </summary>
    public sealed class LspClient : IDisposable
    {
        private readonly Process _process;
        private readonly Stream _input;
        private readonly Func<string, JsonElement, JsonNode?> _answerServerRequest;
        private readonly object _writeLock = new object();
        private readonly object _stateLock = new object();
        private readonly Dictionary<int, TaskCompletionSource<JsonElement>> _pending = new Dictionary<int, TaskCompletionSource<JsonElement>>();
        private readonly List<(string Method, JsonElement Params)> _notifications = new List<(string, JsonElement)>();
        private readonly Queue<string> _trace = new Queue<string>();
        private readonly StringBuilder _stderr = new StringBuilder();
        private int _nextId;
        private Exception? _readFailure;

        /// <summary>Starts the server; <paramref name="answerServerRequest"/> returns a server-to-client request's result (method, params), or throws NotSupportedException for "method not found".</summary>
        public LspClient(ProcessStartInfo start, Func<string, JsonElement, JsonNode?> answerServerRequest)
        {
            start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
            start.UseShellExecute = false;
            _answerServerRequest = answerServerRequest;
            _process = new Process { StartInfo = start };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
            _process.Start();
            _process.BeginErrorReadLine();
            _input = _process.StandardInput.BaseStream;
            new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" }.Start();
        }

        /// <summary>Sends a request and waits for its response; returns the result, or throws on an error response.</summary>
        public JsonElement Request(string method, JsonNode? parameters, TimeSpan timeout)
        {
            var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            int id;
            lock (_stateLock)
            {
                id = ++_nextId;
                _pending[id] = completion;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
            if (!((IAsyncResult)completion.Task).AsyncWaitHandle.WaitOne(timeout) || !completion.Task.IsCompletedSuccessfully)
            {
                throw Failure($"no answer to {method} (id {id}) within {timeout}");
            }

            var response = completion.Task.Result;
            if (response.TryGetProperty("error", out var error))
            {
                throw Failure($"{method} failed: {error.GetRawText()}");
            }

            return response.TryGetProperty("result", out var result) ? result : default;
        }

        public void Notify(string method, JsonNode? parameters) =>
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

        /// <summary>Waits for the first notification (already received or still to come) that matches; returns its params.</summary>
        public JsonElement WaitForNotification(string method, Func<JsonElement, bool> matches, TimeSpan timeout, string what)
        {
            var deadline = DateTime.UtcNow + timeout;
            lock (_stateLock)
            {
                for (var seen = 0; ; )
                {
                    for (; seen < _notifications.Count; seen++)
                    {
                        if (_notifications[seen].Method == method && matches(_notifications[seen].Params))
                        {
                            return _notifications[seen].Params;
                        }
                    }

                    var left = deadline - DateTime.UtcNow;
                    if (_readFailure is not null || left <= TimeSpan.Zero)
                    {
                        break;
                    }

                    Monitor.Wait(_stateLock, left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1));
                }
            }

            throw Failure($"timed out after {timeout} waiting for {method}: {what}");
        }

        /// <summary>A copy of the notifications received so far with this method, in order.</summary>
        public List<JsonElement> Notifications(string method)
        {
            lock (_stateLock)
            {
                return _notifications.Where(n => n.Method == method).Select(n => n.Params).ToList();
            }
        }

        /// <summary>An exception whose message has the server's stderr and the last messages on the wire.</summary>
        public Exception Failure(string message)
        {
            string trace, stderr;
            lock (_stateLock) { trace = string.Join("\n", _trace); }
            lock (_stderr) { stderr = _stderr.Length <= 8000 ? _stderr.ToString() : "…" + _stderr.ToString(_stderr.Length - 8000, 8000); }
            var exited = _process.HasExited ? $" (the server exited with {_process.ExitCode})" : string.Empty;
            return new InvalidOperationException(
                $"{message}{exited}\n{_readFailure?.Message}\n--- last LSP messages ---\n{trace}\n--- server stderr ---\n{stderr}");
        }

        public void Dispose()
        {
            _process.Kill(entireProcessTree: true); // no-op if it has exited
            _process.WaitForExit(10000);
            _process.Dispose();
        }

        private void Send(JsonObject message)
        {
            var json = message.ToJsonString();
            var body = Encoding.UTF8.GetBytes(json);
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            Record("→ " + json);
            lock (_writeLock)
            {
                _input.Write(header, 0, header.Length);
                _input.Write(body, 0, body.Length);
                _input.Flush();
            }
        }

        private void ReadLoop()
        {
            try
            {
                var output = _process.StandardOutput.BaseStream;
                while (true)
                {
                    // Headers: ASCII lines ending in \r\n, then an empty line; the body is Content-Length bytes of UTF-8.
                    var length = -1;
                    for (var line = ReadLine(output); line.Length > 0 || length < 0; line = ReadLine(output))
                    {
                        if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        {
                            length = int.Parse(line.Substring("Content-Length:".Length).Trim(), CultureInfo.InvariantCulture);
                        }
                    }

                    var body = new byte[length];
                    output.ReadExactly(body, 0, length);
                    using var document = JsonDocument.Parse(body);
                    Dispatch(document.RootElement.Clone());
                }
            }
            catch (Exception e)
            {
                lock (_stateLock)
                {
                    _readFailure = e;
                    foreach (var pending in _pending.Values)
                    {
                        pending.TrySetException(e);
                    }

                    Monitor.PulseAll(_stateLock);
                }
            }
        }

        private static string ReadLine(Stream stream)
        {
            var line = new StringBuilder();
            for (var b = stream.ReadByte(); b != '\n'; b = stream.ReadByte())
            {
                line.Append(b >= 0 ? (char)b : throw new EndOfStreamException("the server closed its stdout"));
            }

            return line.ToString().TrimEnd('\r');
        }

        private void Dispatch(JsonElement message)
        {
            Record("← " + message.GetRawText());
            var hasMethod = message.TryGetProperty("method", out var method);
            var hasId = message.TryGetProperty("id", out var id);
            var parameters = message.TryGetProperty("params", out var p) ? p : default;
            if (hasMethod && hasId)
            {
                var reply = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = JsonNode.Parse(id.GetRawText()) };
                try
                {
                    reply["result"] = _answerServerRequest(method.GetString()!, parameters);
                }
                catch (NotSupportedException)
                {
                    reply["error"] = new JsonObject { ["code"] = -32601, ["message"] = "the test client does not support " + method.GetString() };
                }

                Send(reply);
                return;
            }

            lock (_stateLock)
            {
                if (hasMethod)
                {
                    _notifications.Add((method.GetString()!, parameters));
                }
                else if (hasId && id.ValueKind == JsonValueKind.Number && _pending.Remove(id.GetInt32(), out var completion))
                {
                    completion.TrySetResult(message); // a response
                }

                Monitor.PulseAll(_stateLock);
            }
        }

        private void Record(string line)
        {
            lock (_stateLock)
            {
                _trace.Enqueue(line.Length <= 400 ? line : line.Substring(0, 400) + "…");
                if (_trace.Count > 60)
                {
                    _trace.Dequeue();
                }
            }
        }
    }
}
