using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Authentication;
using System.Threading;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// The real MongoDB driver connecting with the helper's settings to <c>openssl s_server</c> started with
    /// <see cref="OpenSslServer.StartPrintingWhatClientsSend"/>. The server never answers the driver's hello, so
    /// the driver's first heartbeat always fails; where it fails is what the tests read. A handshake the client
    /// refused fails with an <see cref="AuthenticationException"/> and sends nothing; a completed one fails waiting
    /// for the reply to a hello that openssl printed (<see cref="HelloReached"/>), because the driver only sends it
    /// over a TLS session it accepted.
    /// </summary>
    public sealed class DriverAttempt
    {
        /// <summary>Part of the hello the driver sends first (its client metadata names the driver).</summary>
        public const string HelloMarker = "mongo-csharp-driver";

        /// <summary>How long to wait for anything: only to stop a broken test from hanging, never a verdict.</summary>
        public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

        private DriverAttempt(Exception heartbeatFailure)
        {
            HeartbeatFailure = heartbeatFailure;
        }

        /// <summary>Why the driver's first heartbeat failed.</summary>
        public Exception HeartbeatFailure { get; }

        /// <summary>The failure and its inner exceptions, outermost first.</summary>
        public IEnumerable<Exception> Chain
        {
            get
            {
                for (var current = HeartbeatFailure; current is not null; current = current.InnerException)
                {
                    yield return current;
                }
            }
        }

        /// <summary>
        /// Whether the TLS handshake failed: the client refused the server's certificate, or the server refused the
        /// client in a TLS 1.2 handshake. Under TLS 1.3 a server that refuses the client's certificate says so after
        /// the client's side of the handshake is done: its alert shows up in the <see cref="Chain"/> of a failed read.
        /// </summary>
        public bool HandshakeFailed => Chain.Any(e => e is AuthenticationException);

        /// <summary>
        /// Starts a client with <paramref name="settings"/> (it starts monitoring the server at once), waits for its
        /// first heartbeat to fail, and closes it, so that openssl prints whatever the driver sent.
        /// </summary>
        public static DriverAttempt Run(MongoClientSettings settings)
        {
            using var client = new MongoClient(settings);
            return FirstHeartbeat(client);
        }

        /// <summary>
        /// Waits for the first heartbeat of <paramref name="client"/> (a client registered in a host, say) to fail;
        /// dispose the client (or its host) afterwards, so that openssl prints whatever the driver sent.
        /// </summary>
        public static DriverAttempt FirstHeartbeat(IMongoClient client)
        {
            var deadline = DateTime.UtcNow + HangGuard;
            while (true)
            {
                var server = client.Cluster.Description.Servers.Single();
                if (server.HeartbeatException is { } failure)
                {
                    return new DriverAttempt(failure);
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The driver's first heartbeat neither succeeded nor failed within " + HangGuard.TotalSeconds + " s: " + server);
                }

                Thread.Sleep(20);
            }
        }

        /// <summary>Whether openssl printed the driver's hello: the driver completed the TLS handshake and trusted the session.</summary>
        public static bool HelloReached(OpenSslServer server) => server.WaitForOutput(HelloMarker, HangGuard);

        /// <summary>The chain of failures, for assertion messages.</summary>
        public override string ToString() => string.Join(" <- ", Chain.Select(e => e.GetType().Name + " (" + e.Message + ")"));
    }
}
