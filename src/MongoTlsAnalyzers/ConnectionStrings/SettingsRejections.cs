using System;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// What <c>MongoClientSettings.FromConnectionString</c> (and so <c>new MongoClient(string)</c>) refuses in a
    /// connection string that <c>new MongoUrl</c> accepts: a credential its mechanism cannot build
    /// (<c>MongoCredential.FromComponents</c>), and a heartbeat interval that is not positive. Part of
    /// <see cref="DriverRejections"/>, checked by the same differential test.
    /// </summary>
    internal static class SettingsRejections
    {
        public static UriRejection? Find(MongoUri uri, TextSpan whole, DriverProfile profile)
        {
            MongoUriOption? mechanismOption = null;
            foreach (var option in uri.Options)
            {
                if (option.Known?.Key == "authmechanism")
                {
                    mechanismOption = option;
                }
            }

            var credential = Credential(uri, mechanismOption, whole, profile);
            if (credential is not null)
            {
                return credential;
            }

            if (uri.Timeouts.TryGetValue(DriverTimeout.HeartbeatInterval, out var heartbeat) && heartbeat.Duration is TimeSpan interval && interval <= TimeSpan.Zero)
            {
                return Reject("the heartbeat interval must be greater than zero", "remove it, or give a positive interval such as heartbeatFrequencyMS=10000", heartbeat.Span);
            }

            // Timeout.InfiniteTimeSpan (-1 ms) is the one value at or below zero these setters take.
            if (uri.Timeouts.TryGetValue(DriverTimeout.HeartbeatTimeout, out var heartbeatTimeout) && heartbeatTimeout.Duration is TimeSpan timeout
                && timeout <= TimeSpan.Zero && timeout != Infinite)
            {
                return Reject("the heartbeat timeout must be greater than zero", "remove it, or give a positive timeout such as heartbeatTimeoutMS=10000", heartbeatTimeout.Span);
            }

            if (uri.Timeouts.TryGetValue(DriverTimeout.WriteConcern, out var writeTimeout) && writeTimeout.Duration is TimeSpan wtimeout && wtimeout == TimeSpan.Zero)
            {
                return Reject("the write-concern timeout must be greater than zero", "remove wtimeoutMS=0 to wait without a limit, or give a positive timeout", writeTimeout.Span);
            }

            return null;
        }

        /// <summary>Timeout.InfiniteTimeSpan, which the driver's timeout setters accept.</summary>
        internal static readonly TimeSpan Infinite = TimeSpan.FromMilliseconds(-1);

        private static UriRejection? Credential(MongoUri uri, MongoUriOption? mechanismOption, TextSpan whole, DriverProfile profile)
        {
            var user = uri.UserInfo;
            var hasUser = user is not null;
            var hasPassword = user?.RawPassword is not null;
            var userSpan = user is null ? whole : user.UsernameSpan;
            var mechanism = mechanismOption?.Value.Trim();
            var optionSpan = mechanismOption?.Span ?? whole;
            switch (mechanism?.ToUpperInvariant())
            {
                case null:
                case "":
                    return hasUser && !hasPassword
                        ? Reject(
                            "a user without a password cannot sign in with the default mechanism",
                            "add ':' and the percent-encoded password after the user name, or set authMechanism=MONGODB-X509 for a certificate user",
                            userSpan)
                        : null;
                case "DEFAULT":
                case "SCRAM-SHA-1":
                case "SCRAM-SHA-256":
                case "PLAIN":
                case "MONGODB-CR" when profile.IsVersion2:
                    return hasPassword
                        ? null
                        : Reject("authMechanism " + mechanism + " needs a user name and password", "add 'user:password@' (percent-encoded) before the hosts", hasUser ? userSpan : optionSpan);
                case "MONGODB-X509":
                    return hasPassword
                        ? Reject("authMechanism MONGODB-X509 takes no password", "remove the password: the client certificate proves the identity", user!.PasswordSpan ?? userSpan)
                        : null;
                case "GSSAPI":
                    return hasUser
                        ? null
                        : Reject("authMechanism GSSAPI needs a user name", "add the Kerberos principal, percent-encoded, before '@'", optionSpan);
                case "MONGODB-AWS":
                    return hasUser && !hasPassword
                        ? Reject("authMechanism MONGODB-AWS needs both an access key and a secret key, or neither", "add the secret key after ':', or remove the user name", userSpan)
                        : null;
                case "MONGODB-OIDC":
                    return hasPassword
                        ? Reject("authMechanism MONGODB-OIDC takes no password", "remove the password", user!.PasswordSpan ?? userSpan)
                        : null;
                default:
                    return Reject("authMechanism " + mechanism + " is not supported by the .NET driver", "use SCRAM-SHA-256, SCRAM-SHA-1, MONGODB-X509, GSSAPI, PLAIN, MONGODB-AWS or MONGODB-OIDC", optionSpan);
            }
        }

        private static UriRejection Reject(string reason, string fix, TextSpan span) =>
            new UriRejection(RejectionCause.Other, reason, fix, span, DriverLayer.ClientSettings);
    }
}
