using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Win32Exception = System.ComponentModel.Win32Exception;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>The probe of one host: TCP, TLS and certificate, hello.</summary>
    internal sealed class HostProbe
    {
        private readonly string _host;
        private readonly int _port;
        private readonly bool _tls;
        private readonly MongoTlsProbeOptions _options;
        private readonly CustomCaCertificateValidator? _ca;
        private readonly HostFinding _finding;

        public HostProbe(string host, int port, bool tls, MongoTlsProbeOptions options, CustomCaCertificateValidator? ca)
        {
            _host = host;
            _port = port;
            _tls = tls;
            _options = options;
            _ca = ca;
            _finding = new HostFinding { Host = host, Port = port };
        }

        public async Task<HostFinding> RunAsync(CancellationToken cancellationToken)
        {
            var tcp = await ConnectAsync(measure: true, cancellationToken).ConfigureAwait(false);
            if (tcp is null)
            {
                return _finding;
            }

            using (tcp)
            {
                if (_tls)
                {
                    await ProbeTlsAsync(tcp, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await ProbePlaintextAsync(tcp, cancellationToken).ConfigureAwait(false);
                }
            }

            return _finding;
        }

        private async Task<TcpClient?> ConnectAsync(bool measure, CancellationToken cancellationToken)
        {
            IPAddress address;
            if (_options.Resolve.TryGetValue(_host + ":" + _port, out var mapped) && IPAddress.TryParse(mapped, out var parsed))
            {
                address = parsed;
            }
            else
            {
                try
                {
                    var addresses = await MongoTlsProbe.ResolveAsync(_host, _options.Timeout, cancellationToken).ConfigureAwait(false);
                    address = addresses[0];
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException or IndexOutOfRangeException)
                {
                    _finding.Failure = ProbeExplanations.DnsFailure(_host, ex switch { SocketException socket => socket.Message, IndexOutOfRangeException => "no address", _ => "no answer within " + _options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s (" + ex.GetType().Name + ")" });
                    return null;
                }
            }

            _finding.Address = address.ToString();
            var client = new TcpClient(address.AddressFamily);
            var watch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await client.ConnectAsync(address, _port, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                client.Dispose();
                if (!measure)
                {
                    // A second connection (for hello or a plaintext check) failing says nothing new about the host.
                    return null;
                }

                _finding.Failure = ex switch
                {
                    SocketException { SocketErrorCode: SocketError.ConnectionRefused } => ProbeExplanations.TcpRefused(_host, address.ToString(), _port),
                    SocketException { SocketErrorCode: SocketError.TimedOut } or OperationCanceledException => ProbeExplanations.TcpTimeout(_host, address.ToString(), _port, _options.Timeout),
                    _ => ProbeExplanations.TcpError(_host, address.ToString(), _port, ex.Message),
                };
                return null;
            }

            if (measure)
            {
                _finding.TcpConnectMilliseconds = watch.Elapsed.TotalMilliseconds;
            }

            return client;
        }

        private async Task ProbeTlsAsync(TcpClient tcp, CancellationToken cancellationToken)
        {
            var recorder = new FirstBytesRecorder(tcp.GetStream());
            using var ssl = new SslStream(recorder, leaveInnerStreamOpen: false);
            var watch = Stopwatch.StartNew();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await ssl.AuthenticateAsClientAsync(
                    new SslClientAuthenticationOptions
                    {
                        TargetHost = _host,
                        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                        RemoteCertificateValidationCallback = Inspect,
                    },
                    timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or Win32Exception)
            {
                await ExplainHandshakeFailureAsync(recorder, ex, cancellationToken).ConfigureAwait(false);
                return;
            }

            _finding.TlsHandshakeMilliseconds = watch.Elapsed.TotalMilliseconds;
            _finding.TlsProtocol = ssl.SslProtocol.ToString();
            _finding.CipherSuite = ssl.NegotiatedCipherSuite.ToString();
            var verdict = _ca is null ? _finding.SystemStoreRejection : _finding.CaRejection;
            if (verdict is not null)
            {
                _finding.Failure = ProbeExplanations.Certificate(verdict, _ca is not null);
            }

            await HelloAsync(ssl, ssl.Dispose, () => ReopenTlsAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        private bool Inspect(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
        {
            var leaf = certificate is null ? null : certificate as X509Certificate2 ?? new X509Certificate2(certificate);
            if (chain is not null && chain.ChainElements.Count > 0)
            {
                foreach (var element in chain.ChainElements)
                {
                    _finding.Certificates.Add(Describe(element.Certificate));
                }
            }
            else if (leaf is not null)
            {
                _finding.Certificates.Add(Describe(leaf));
            }

            _finding.HostNameMatches = leaf is null ? null : (errors & SslPolicyErrors.RemoteCertificateNameMismatch) == 0;
            _finding.SystemStoreRejection = errors == SslPolicyErrors.None ? null : CertificateRejection.Explain(leaf, chain, errors, _host, null);
            _finding.SystemStoreValid = leaf is null ? null : errors == SslPolicyErrors.None;
            if (_ca is not null && leaf is not null)
            {
                _finding.CaRejection = _ca.Check(leaf, chain, errors, _host);
                _finding.CaValid = _finding.CaRejection is null;
            }

            // Accept for the probe's own sake: it reports the verdicts above, and sends no credential.
            return true;
        }

        private static CertificateFinding Describe(X509Certificate2 certificate)
        {
            var daysLeft = (int)Math.Floor((certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow).TotalDays);
            return new CertificateFinding(certificate.Subject, certificate.Issuer, certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime(), daysLeft, CustomCaCertificateValidator.PinOf(certificate), CertificateRejection.NamesIn(certificate));
        }

        private async Task ExplainHandshakeFailureAsync(FirstBytesRecorder recorder, Exception failure, CancellationToken cancellationToken)
        {
            var first = recorder.FirstBytes.ToArray();
            if (first.Length >= 7 && first[0] == 0x15 && first[1] == 0x03)
            {
                _finding.Failure = ProbeExplanations.TlsAlert(_host, first[6]);
            }
            else if (first.Length > 0 && first[0] is not (0x14 or 0x15 or 0x16 or 0x17))
            {
                _finding.Failure = ProbeExplanations.Plaintext(_host, _port);
            }
            else
            {
                // Nothing came back: a plaintext mongod closes on a ClientHello. Ask it in plaintext to tell.
                using var plain = await ConnectAsync(measure: false, cancellationToken).ConfigureAwait(false);
                var speaksPlaintext = plain is not null && await TryHelloAsync(plain.GetStream(), legacy: false, cancellationToken).ConfigureAwait(false) is not null;
                _finding.Failure = speaksPlaintext ? ProbeExplanations.Plaintext(_host, _port) : ProbeExplanations.TlsClosed(_host, _port, failure.GetBaseException().Message);
            }
        }

        private async Task ProbePlaintextAsync(TcpClient tcp, CancellationToken cancellationToken)
        {
            if (await HelloAsync(tcp.GetStream(), tcp.Close, () => ReopenPlainAsync(cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            // No MongoDB reply in plaintext: does the port speak TLS?
            tcp.Close();
            using var again = await ConnectAsync(measure: false, cancellationToken).ConfigureAwait(false);
            if (again is null)
            {
                return;
            }

            using var ssl = new SslStream(again.GetStream(), false, (_, _, _, _) => true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _host }, timeout.Token).ConfigureAwait(false);
                _finding.Failure = ProbeExplanations.TlsRequired(_host, _port);
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
            {
                // Neither MongoDB in plaintext nor TLS: the hello note says so.
            }
        }

        /// <summary>OP_MSG hello, then (on a new connection) the legacy isMaster; true when either was answered.</summary>
        private async Task<bool> HelloAsync(Stream stream, Action closeFirst, Func<Task<(IDisposable Owner, Stream Stream)?>> reopen, CancellationToken cancellationToken)
        {
            if (!_options.SendHello)
            {
                return false;
            }

            var reply = await TryHelloAsync(stream, legacy: false, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                _finding.Hello = "hello (OP_MSG): " + WireHello.Describe(reply);
                return true;
            }

            // Close the first connection before opening the second: some servers serve one connection at a time.
            closeFirst();
            var second = await reopen().ConfigureAwait(false);
            if (second is { } opened)
            {
                using (opened.Owner)
                {
                    reply = await TryHelloAsync(opened.Stream, legacy: true, cancellationToken).ConfigureAwait(false);
                }
            }

            if (reply is not null)
            {
                _finding.Hello = "isMaster (legacy OP_QUERY; the server does not answer OP_MSG hello): " + WireHello.Describe(reply);
                return true;
            }

            _finding.HelloNote = "The server did not answer a MongoDB hello: it may not be a MongoDB server.";
            return false;
        }

        private async Task<MongoDB.Bson.BsonDocument?> TryHelloAsync(Stream stream, bool legacy, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            // A MongoDB server answers hello at once; a third of the step timeout (at most 2 s) leaves time for the legacy retry.
            var wait = TimeSpan.FromTicks(_options.Timeout.Ticks / 3);
            timeout.CancelAfter(wait < TimeSpan.FromSeconds(2) ? wait : TimeSpan.FromSeconds(2));
            try
            {
                return await WireHello.SendAsync(stream, legacy, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or OperationCanceledException or SocketException or FormatException or EndOfStreamException or MongoDB.Bson.BsonException or ObjectDisposedException)
            {
                return null;
            }
        }

        private async Task<(IDisposable Owner, Stream Stream)?> ReopenTlsAsync(CancellationToken cancellationToken)
        {
            var tcp = await ConnectAsync(measure: false, cancellationToken).ConfigureAwait(false);
            if (tcp is null)
            {
                return null;
            }

            var ssl = new SslStream(tcp.GetStream(), false, (_, _, _, _) => true);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.Timeout);
            try
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _host }, timeout.Token).ConfigureAwait(false);
                return (new Both(ssl, tcp), ssl);
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException)
            {
                ssl.Dispose();
                tcp.Dispose();
                return null;
            }
        }

        private async Task<(IDisposable Owner, Stream Stream)?> ReopenPlainAsync(CancellationToken cancellationToken)
        {
            var tcp = await ConnectAsync(measure: false, cancellationToken).ConfigureAwait(false);
            return tcp is null ? null : (tcp, tcp.GetStream());
        }

        private sealed class Both : IDisposable
        {
            private readonly IDisposable _first;
            private readonly IDisposable _second;

            public Both(IDisposable first, IDisposable second)
            {
                _first = first;
                _second = second;
            }

            public void Dispose()
            {
                _first.Dispose();
                _second.Dispose();
            }
        }
    }
}
