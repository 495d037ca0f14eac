using System;
using System.Collections.Generic;
using System.Linq;

namespace MongoTlsAnalyzers.Settings.Probing
{
    /// <summary>What a probe found; <see cref="Passed"/> when every host passed. Never holds a password.</summary>
    public sealed class ProbeReport
    {
        /// <summary>The connection string with its password replaced by ****.</summary>
        public string ConnectionString { get; init; } = string.Empty;

        /// <summary>Whether TLS was expected (tls=true or mongodb+srv://).</summary>
        public bool TlsExpected { get; init; }

        /// <summary>The DNS SRV and TXT lookups of a mongodb+srv:// connection string.</summary>
        public DnsFinding? Dns { get; init; }

        /// <summary>A failure before any host could be tried (a malformed connection string, a DNS failure).</summary>
        public ProbeFailure? Failure { get; init; }

        /// <summary>One entry per host.</summary>
        public IReadOnlyList<HostFinding> Hosts { get; init; } = Array.Empty<HostFinding>();

        /// <summary>True when there was no overall failure and every host passed.</summary>
        public bool Passed => Failure is null && Hosts.Count > 0 && Hosts.All(h => h.Passed);
    }

    /// <summary>The SRV records (hosts) and TXT options of a mongodb+srv:// name.</summary>
    public sealed record DnsFinding(string SrvName, IReadOnlyList<string> Hosts, string? TxtOptions, double Milliseconds);

    /// <summary>A failure explained: a stable code, what happened, and the next step.</summary>
    public sealed record ProbeFailure(string Code, string Explanation, string NextStep);

    /// <summary>A certificate of the server's chain.</summary>
    public sealed record CertificateFinding(string Subject, string Issuer, DateTime NotBefore, DateTime NotAfter, int DaysLeft, string PublicKeySha256, IReadOnlyList<string> Names);

    /// <summary>What was found for one host.</summary>
    public sealed class HostFinding
    {
        /// <summary>The host name (SNI and host-name check use it).</summary>
        public string Host { get; init; } = string.Empty;

        /// <summary>The port.</summary>
        public int Port { get; init; }

        /// <summary>The address connected to (from DNS or --resolve).</summary>
        public string? Address { get; set; }

        /// <summary>How long the TCP connect took.</summary>
        public double? TcpConnectMilliseconds { get; set; }

        /// <summary>How long the TLS handshake took.</summary>
        public double? TlsHandshakeMilliseconds { get; set; }

        /// <summary>The TLS version negotiated (Tls12, Tls13).</summary>
        public string? TlsProtocol { get; set; }

        /// <summary>The cipher suite negotiated.</summary>
        public string? CipherSuite { get; set; }

        /// <summary>The server's chain, leaf first.</summary>
        public List<CertificateFinding> Certificates { get; } = new List<CertificateFinding>();

        /// <summary>Whether the leaf certificate names the host.</summary>
        public bool? HostNameMatches { get; set; }

        /// <summary>Null when the chain validates against the operating system's store, else why not.</summary>
        public CertificateRejection? SystemStoreRejection { get; set; }

        /// <summary>Whether the system store accepted the certificate (null when no certificate was seen).</summary>
        public bool? SystemStoreValid { get; set; }

        /// <summary>Whether the --ca file accepted the certificate (null without --ca or without a certificate).</summary>
        public bool? CaValid { get; set; }

        /// <summary>Why the --ca file did not accept the certificate.</summary>
        public CertificateRejection? CaRejection { get; set; }

        /// <summary>The hello reply, summarised; null when none was read.</summary>
        public string? Hello { get; set; }

        /// <summary>Why no hello reply was read (a note, not a failure: the server may not speak MongoDB).</summary>
        public string? HelloNote { get; set; }

        /// <summary>Why the host failed, or null.</summary>
        public ProbeFailure? Failure { get; set; }

        /// <summary>True when the host passed.</summary>
        public bool Passed => Failure is null;
    }
}
