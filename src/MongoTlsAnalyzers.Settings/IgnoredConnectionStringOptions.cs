using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Connection-string options that other MongoDB drivers honour but the .NET driver silently ignores, with
    /// what to configure instead. The MTA005 and MTA006 analyzers report the same names (docs/rules/MTA005.md,
    /// MTA006.md); the test suite checks that both sides agree.
    /// </summary>
    public static class IgnoredConnectionStringOptions
    {
        /// <summary>Advice for each well-known ignored option (names are case-insensitive).</summary>
        public static IReadOnlyDictionary<string, string> Advice { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["tlsCAFile"] = "use Tls:CaCertificatePath (or Tls:CaCertificatePem)",
            ["tlsCertificateKeyFile"] = "use Tls:ClientCertificatePath",
            ["tlsCertificateKeyFilePassword"] = "use Tls:ClientCertificatePassword",
            ["tlsAllowInvalidCertificates"] = "certificates are still validated; trust the server's CA with Tls:CaCertificatePath instead",
            ["tlsAllowInvalidHostnames"] = "host names are still validated; use a certificate that names the server",
            ["tlsDisableOCSPEndpointCheck"] = "use Tls:RevocationMode",
            ["timeoutMS"] = "released .NET drivers do not read timeoutMS; use the Timeouts section",
        };

        /// <summary>
        /// True for names that try to point at a CA file: <c>tlsCAFile</c> and look-alikes such as <c>sslCAFile</c>,
        /// <c>ssl_ca_certs</c>, <c>tls_ca_certs</c> and <c>net.ssl.CAFile</c>.
        /// </summary>
        public static bool IsCaOption(string name)
        {
            var normalized = name.Replace("_", string.Empty).Replace("-", string.Empty).Replace(".", string.Empty).Replace(" ", string.Empty).ToLowerInvariant();
            return normalized.EndsWith("cafile", StringComparison.Ordinal)
                || normalized.EndsWith("cacerts", StringComparison.Ordinal)
                || normalized.EndsWith("cacert", StringComparison.Ordinal)
                || normalized == "sslca"
                || normalized == "tlsca";
        }

        /// <summary>What to do about an option the driver ignores.</summary>
        public static string AdviceFor(string name)
        {
            if (Advice.TryGetValue(name, out var advice))
            {
                return advice;
            }

            return IsCaOption(name) ? Advice["tlsCAFile"] : "the .NET driver ignores it";
        }
    }
}
