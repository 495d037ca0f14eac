using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>What the helper decided, logged once when a client's settings are built: never a secret.</summary>
    internal static class StartupLog
    {
        /// <summary>The logger category of the helper's start-up lines.</summary>
        public const string Category = "MongoTlsAnalyzers.Settings";

        public static void Write(ILoggerFactory loggerFactory, string section, MongoClientSettings settings, bool insecureInDevelopment, string? caSource, SecureMongoOptions options)
        {
            var logger = loggerFactory.CreateLogger(Category);
            if (!settings.UseTls)
            {
                logger.LogWarning("MongoDB ({Section}): TLS is off; the connection to the server is plaintext.", section);
            }
            else if (insecureInDevelopment)
            {
                logger.LogWarning("MongoDB ({Section}): TLS is on but certificate validation is OFF because the environment is Development and {Key} is true; this is never allowed in any other environment.", section, section + ":Tls:AllowInsecureTlsInDevelopment");
            }
            else
            {
                var pins = options.Tls.PinnedPublicKeySha256.Length;
                logger.LogInformation(
                    "MongoDB ({Section}): TLS is on ({Protocols}); server certificates are validated against {CaSource}{Pins}.",
                    section,
                    settings.SslSettings.EnabledSslProtocols,
                    caSource ?? "the operating system's trust store",
                    pins == 0 ? string.Empty : $", with {pins} pinned public key(s)");
            }

            logger.LogInformation(
                "MongoDB ({Section}): timeouts: server selection {ServerSelection}, connect {Connect}, socket {Socket}, wait queue {WaitQueue}, heartbeat {Heartbeat}.",
                section,
                settings.ServerSelectionTimeout,
                settings.ConnectTimeout,
                settings.SocketTimeout,
                settings.WaitQueueTimeout,
                settings.HeartbeatInterval);
        }
    }
}
