using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A loopback TCP server in the test process (port 0, bound before anything connects) that answers the first
    /// bytes a client sends with a fixed reply and closes: a TLS alert record, or plaintext.
    /// </summary>
    public sealed class ScriptedTcpServer : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly byte[] _reply;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        private ScriptedTcpServer(byte[] reply)
        {
            _reply = reply;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>Answers with <paramref name="reply"/> once the client has sent something.</summary>
        public static ScriptedTcpServer Replying(params byte[] reply) => new ScriptedTcpServer(reply);

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            var stream = client.GetStream();
                            var buffer = new byte[4096];
                            if (await stream.ReadAsync(buffer, _stop.Token) > 0)
                            {
                                await stream.WriteAsync(_reply, _stop.Token);
                                await stream.FlushAsync(_stop.Token);
                            }
                        }
                        catch (Exception ex) when (ex is OperationCanceledException or System.IO.IOException or ObjectDisposedException)
                        {
                            // The test is over.
                        }
                    }
                });
            }
        }
    }
}
