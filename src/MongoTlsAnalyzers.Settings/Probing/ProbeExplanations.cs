using System;
using System.Collections.Generic;
using System.Globalization;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>Every failure the probe explains: a stable code, what happened in words, and the next step.</summary>
    public static class ProbeExplanations
    {
        private static readonly Dictionary<int, string> AlertNames = new Dictionary<int, string>
        {
            [10] = "unexpected_message", [20] = "bad_record_mac", [40] = "handshake_failure", [42] = "bad_certificate",
            [43] = "unsupported_certificate", [44] = "certificate_revoked", [45] = "certificate_expired", [46] = "certificate_unknown",
            [47] = "illegal_parameter", [48] = "unknown_ca", [49] = "access_denied", [50] = "decode_error", [51] = "decrypt_error",
            [70] = "protocol_version", [71] = "insufficient_security", [80] = "internal_error", [86] = "inappropriate_fallback",
            [90] = "user_canceled", [109] = "missing_extension", [110] = "unsupported_extension", [112] = "unrecognized_name",
            [116] = "certificate_required", [120] = "no_application_protocol",
        };

        /// <summary>The name of a TLS alert description code, such as internal_error for 80.</summary>
        public static string AlertName(int code) => AlertNames.TryGetValue(code, out var name) ? name : "alert " + code.ToString(CultureInfo.InvariantCulture);

        /// <summary>The explanation of the <c>BadConnectionString</c> failure.</summary>
        public static ProbeFailure BadConnectionString(string reason) => new ProbeFailure(
            "connection-string",
            "The connection string cannot be read: " + reason,
            "Fix the connection string (percent-encode '@' as %40 and '%' as %25 in the password), or keep the password in MongoDB:Password.");

        /// <summary>The explanation of the <c>DnsFailure</c> failure.</summary>
        public static ProbeFailure DnsFailure(string name, string reason) => new ProbeFailure(
            "dns",
            $"The name '{name}' does not resolve: {reason}",
            "Check the host name for typos; from this machine, 'nslookup " + name + "' should return an address. Corporate DNS or a VPN may be needed.");

        /// <summary>The explanation of the <c>SrvMissing</c> failure.</summary>
        public static ProbeFailure SrvMissing(string srvName, string reason) => new ProbeFailure(
            "srv-missing",
            $"No SRV record '{srvName}' was found ({reason}), so a mongodb+srv:// connection string cannot list its hosts.",
            "Check the cluster name (Atlas: Connect > Drivers shows it); 'nslookup -type=SRV " + srvName + "' should list the hosts. Some networks block SRV lookups: then use the standard mongodb:// connection string.");

        /// <summary>The explanation of the <c>TcpRefused</c> failure.</summary>
        public static ProbeFailure TcpRefused(string host, string address, int port) => new ProbeFailure(
            "tcp-refused",
            $"The connection to {host} ({address}) port {port} was refused: nothing listens there.",
            "Check the port and that mongod is running on that host; a local firewall may also reject the connection.");

        /// <summary>The explanation of the <c>TcpTimeout</c> failure.</summary>
        public static ProbeFailure TcpTimeout(string host, string address, int port, TimeSpan timeout) => new ProbeFailure(
            "tcp-timeout",
            $"The connection to {host} ({address}) port {port} got no answer within {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s: packets are dropped on the way.",
            "A firewall is dropping the connection, or (Atlas) this machine's IP address is not on the cluster's IP access list, or a corporate network blocks port " + port + ". Try from another network to tell which.");

        /// <summary>The explanation of the <c>TcpError</c> failure.</summary>
        public static ProbeFailure TcpError(string host, string address, int port, string reason) => new ProbeFailure(
            "tcp-error",
            $"The connection to {host} ({address}) port {port} failed: {reason}",
            "Check the network path to the server.");

        /// <summary>The explanation of the <c>TlsAlert</c> failure.</summary>
        public static ProbeFailure TlsAlert(string host, int code)
        {
            var name = AlertName(code);
            if (code == 80 && IsAtlas(host))
            {
                return new ProbeFailure(
                    "atlas-ip-access-list",
                    $"The server answered the TLS handshake with the alert internal_error (80). Atlas (mongodb.net) sends it when the client's public IP address is not on the cluster's IP access list: it is not a certificate problem.",
                    "In Atlas, open Security > Network Access > IP Access List and add this machine's public IP address (for example from 'curl https://checkip.amazonaws.com'), or check it with 'atlas accessLists list'. Do not turn certificate validation off: it would not help.");
            }

            if (code is 70 or 40)
            {
                return new ProbeFailure(
                    "tls-version",
                    $"The server refused the handshake with the alert {name} ({code.ToString(CultureInfo.InvariantCulture)}): it has no TLS version or cipher suite in common with this client, which offers TLS 1.2 and 1.3 with current cipher suites.",
                    "The helper and the driver use TLS 1.2 or 1.3; enable one of them on the server (MongoDB: net.tls.disabledProtocols). Do not re-enable TLS 1.0 or 1.1.");
            }

            return new ProbeFailure(
                "tls-alert",
                $"The server ended the TLS handshake with the alert {name} ({code.ToString(CultureInfo.InvariantCulture)}).",
                "The server's log says why; certificate_required means it wants a client certificate (Tls:ClientCertificatePath).");
        }

        /// <summary>The explanation of the <c>Plaintext</c> failure.</summary>
        public static ProbeFailure Plaintext(string host, int port) => new ProbeFailure(
            "plaintext",
            $"{host} port {port} answered the TLS handshake with data that is not TLS: it speaks plaintext (MongoDB without TLS, or another protocol).",
            "If that server really has no TLS, the connection would be readable on the network: enable TLS on the server (net.tls.mode requireTLS). Remove tls=true only for a server on localhost.");

        /// <summary>The explanation of the <c>TlsRequired</c> failure.</summary>
        public static ProbeFailure TlsRequired(string host, int port) => new ProbeFailure(
            "tls-required",
            $"{host} port {port} speaks TLS, but the connection string does not turn TLS on.",
            "Add tls=true to the connection string (or set MongoDB:Tls:Enabled to true).");

        /// <summary>The explanation of the <c>TlsClosed</c> failure.</summary>
        public static ProbeFailure TlsClosed(string host, int port, string reason) => new ProbeFailure(
            "tls-closed",
            $"{host} port {port} closed the connection during the TLS handshake without an alert ({reason}).",
            "Check that this is the server's TLS port; for Atlas, check the IP access list (Security > Network Access).");

        /// <summary>The explanation of the <c>Certificate</c> failure.</summary>
        public static ProbeFailure Certificate(CertificateRejection rejection, bool withCa)
        {
            var (code, next) = rejection.Kind switch
            {
                CertificateRejectionKind.UntrustedRoot => ("untrusted-root", withCa
                    ? "The --ca file is not the CA that signed the server's certificate: get the right CA certificate (PEM) from whoever runs the server."
                    : "If that CA is your organisation's, trust it with the helper: MongoDB:Tls:CaCertificatePath = the CA's PEM file (or WithCustomCa(path)); check it first with 'mongo-tls probe <uri> --ca ca.pem'. Atlas certificates chain to public CAs: do not set a custom CA for Atlas."),
                CertificateRejectionKind.Expired => ("expired", "Renew the server's certificate; the client cannot fix this."),
                CertificateRejectionKind.NotYetValid => ("not-yet-valid", "Check the clocks of this machine and of the server."),
                CertificateRejectionKind.NameMismatch => ("name-mismatch", "Connect with a host name the certificate lists (not an IP address or an alias), or have the certificate reissued with this name."),
                CertificateRejectionKind.PinMismatch => ("pin-mismatch", "If the server's key changed on purpose, pin the new one (the probe prints it)."),
                CertificateRejectionKind.Revoked => ("revoked", "The certificate was revoked: the server needs a new one."),
                CertificateRejectionKind.RevocationUnknown => ("revocation-unknown", "Let the client reach the CA's revocation list, or set Tls:RevocationMode to NoCheck for a CA that publishes none."),
                CertificateRejectionKind.NoCertificate => ("no-certificate", "Configure a certificate on the server."),
                _ => ("certificate", "Inspect the chain above."),
            };
            return new ProbeFailure(code, rejection.Message, next);
        }

        private static bool IsAtlas(string host) =>
            host.EndsWith(".mongodb.net", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".mongodb.net.", StringComparison.OrdinalIgnoreCase);
    }
}
