using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>A TLS client handshake with a loopback peer, as the driver does it (SslStream, target host localhost).</summary>
    public static class TlsHandshake
    {
        /// <summary>True when the TLS handshake with the peer on <paramref name="port"/> succeeds under <paramref name="callback"/>.</summary>
        public static bool Succeeds(int port, RemoteCertificateValidationCallback callback)
        {
            using var tcp = new TcpClient();
            tcp.Connect(IPAddress.Loopback, port);
            using var ssl = new SslStream(tcp.GetStream(), leaveInnerStreamOpen: false, callback);
            try
            {
                ssl.AuthenticateAsClient(new SslClientAuthenticationOptions { TargetHost = "localhost" });
                return true;
            }
            catch (AuthenticationException)
            {
                return false;
            }
        }
    }
}
