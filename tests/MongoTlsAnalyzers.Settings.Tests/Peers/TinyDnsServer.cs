using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// A UDP DNS server on a loopback port of its own that answers SRV and TXT questions for one zone, so that a
    /// mongodb+srv:// connection string can be resolved in a test without the network. Other questions get NXDOMAIN.
    /// </summary>
    public sealed class TinyDnsServer : IDisposable
    {
        private readonly UdpClient _udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly Dictionary<string, List<(string Target, int Port)>> _srv = new Dictionary<string, List<(string, int)>>(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _txt = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();

        public TinyDnsServer()
        {
            _ = Task.Run(ServeAsync);
        }

        public IPEndPoint EndPoint => (IPEndPoint)_udp.Client.LocalEndPoint!;

        public void AddSrv(string name, string target, int port)
        {
            if (!_srv.TryGetValue(name, out var records))
            {
                _srv[name] = records = new List<(string, int)>();
            }

            records.Add((target, port));
        }

        public void AddTxt(string name, string text) => _txt[name] = text;

        public void Dispose()
        {
            _stop.Cancel();
            _udp.Dispose();
            _stop.Dispose();
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                UdpReceiveResult request;
                try
                {
                    request = await _udp.ReceiveAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                var reply = Answer(request.Buffer);
                try
                {
                    await _udp.SendAsync(reply, request.RemoteEndPoint, _stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
            }
        }

        private byte[] Answer(byte[] query)
        {
            // Header (12 bytes), then one question: labels, type, class.
            var offset = 12;
            var labels = new List<string>();
            while (query[offset] != 0)
            {
                labels.Add(Encoding.ASCII.GetString(query, offset + 1, query[offset]));
                offset += query[offset] + 1;
            }

            offset++;
            var type = (query[offset] << 8) | query[offset + 1];
            var questionEnd = offset + 4;
            var name = string.Join(".", labels);

            var answers = new List<byte[]>();
            if (type == 33 && _srv.TryGetValue(name, out var records))
            {
                foreach (var (target, port) in records)
                {
                    var rdata = new MemoryStream();
                    rdata.Write(new byte[] { 0, 0, 0, 0, (byte)(port >> 8), (byte)port });
                    rdata.Write(EncodeName(target));
                    answers.Add(Record(33, rdata.ToArray()));
                }
            }
            else if (type == 16 && _txt.TryGetValue(name, out var text))
            {
                var bytes = Encoding.ASCII.GetBytes(text);
                var rdata = new byte[bytes.Length + 1];
                rdata[0] = (byte)bytes.Length;
                bytes.CopyTo(rdata, 1);
                answers.Add(Record(16, rdata));
            }

            var known = _srv.ContainsKey(name) || _txt.ContainsKey(name);
            var reply = new MemoryStream();
            reply.Write(query, 0, 2);
            reply.Write(new byte[] { 0x81, (byte)(known ? 0x80 : 0x83), 0, 1, 0, (byte)answers.Count, 0, 0, 0, 0 });
            reply.Write(query, 12, questionEnd - 12);
            foreach (var answer in answers)
            {
                reply.Write(answer);
            }

            return reply.ToArray();
        }

        private static byte[] Record(int type, byte[] rdata)
        {
            var record = new MemoryStream();
            record.Write(new byte[] { 0xC0, 0x0C, (byte)(type >> 8), (byte)type, 0, 1, 0, 0, 0, 60, (byte)(rdata.Length >> 8), (byte)rdata.Length });
            record.Write(rdata);
            return record.ToArray();
        }

        private static byte[] EncodeName(string name)
        {
            var encoded = new MemoryStream();
            foreach (var label in name.Split('.'))
            {
                encoded.WriteByte((byte)label.Length);
                encoded.Write(Encoding.ASCII.GetBytes(label));
            }

            encoded.WriteByte(0);
            return encoded.ToArray();
        }
    }
}
