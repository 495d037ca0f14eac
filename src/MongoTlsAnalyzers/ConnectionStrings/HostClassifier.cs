using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Host facts: loopback detection (docs/architecture.md "Loopback") and the driver's <c>EndPointHelper.TryParse</c>.
    /// </summary>
    internal static class HostClassifier
    {
        private static readonly string[] ReservedNames = { "example", "example.com", "example.net", "example.org", "test", "invalid", "localhost" };

        /// <summary>
        /// True for <c>localhost</c>, 127.0.0.0/8, <c>::1</c> (also IPv4-mapped) and unix-domain socket paths,
        /// which are local IPC. The host is the lower-cased name or canonical address without port.
        /// </summary>
        public static bool IsLoopback(string host)
        {
            if (host.Length == 0)
            {
                return false;
            }

            var name = host.TrimEnd('.');
            if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (IsUnixSocketPath(host))
            {
                return true;
            }

            var address = host;
            if (address.Length > 2 && address[0] == '[' && address[address.Length - 1] == ']')
            {
                address = address.Substring(1, address.Length - 2);
            }

            if (address.IndexOf(':') < 0 && !LooksLikeIPv4(address))
            {
                return false;
            }

            if (IPAddress.TryParse(address, out var ip))
            {
                if (ip.AddressFamily == AddressFamily.InterNetworkV6 && ip.IsIPv4MappedToIPv6)
                {
                    ip = ip.MapToIPv4();
                }

                return IPAddress.IsLoopback(ip);
            }

            return false;
        }

        /// <summary>True for a host of MongoDB Atlas (under <c>mongodb.net</c>).</summary>
        public static bool IsAtlas(string host) =>
            host.TrimEnd('.').EndsWith(".mongodb.net", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// True for a host that test code makes up (docs/architecture.md "Test code"): a single label
        /// (<c>mydocdbserver</c>), or a name equal to or under a reserved one (RFC 2606 and RFC 6761: <c>example</c>,
        /// <c>example.com</c>, <c>example.net</c>, <c>example.org</c>, <c>.test</c>, <c>.invalid</c>,
        /// <c>.localhost</c>). No such name resolves to a real server, so a password beside it in a test is a fixture.
        /// The host is lower-cased, without port.
        /// </summary>
        public static bool IsFixtureHost(string host)
        {
            var name = host.TrimEnd('.');
            if (name.Length == 0 || IsUnixSocketPath(host) || name.IndexOf(':') >= 0 || name.IndexOf('[') >= 0)
            {
                return false;
            }

            if (name.IndexOf('.') < 0)
            {
                return true;
            }

            foreach (var reserved in ReservedNames)
            {
                if (string.Equals(name, reserved, StringComparison.OrdinalIgnoreCase)
                    || name.EndsWith("." + reserved, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A unix-domain socket: a path (percent-encoded in URIs as %2F…) or a name ending in .sock.</summary>
        public static bool IsUnixSocketPath(string host)
        {
            var decoded = PercentDecoding.Decode(host);
            return decoded.StartsWith("/", StringComparison.Ordinal)
                || decoded.EndsWith(".sock", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>
        /// Mirrors the driver's <c>EndPointHelper.TryParse(value, defaultPort, out endPoint)</c>: a bracketed IPv6
        /// address with optional port, or a host without colons and an optional port between 1 and 65535.
        /// </summary>
        public static bool TryParseEndPoint(string value, int defaultPort, out string host, out int port, out bool isIpLiteral)
        {
            host = value.ToLowerInvariant();
            port = defaultPort;
            isIpLiteral = false;

            var lowered = host;
            if (lowered.Length > 0 && lowered[0] == '[')
            {
                var close = lowered.IndexOf(']');
                // ^(?<address>\[[^]]+\])(:(?<port>\d+))?$
                if (close > 1 && (close == lowered.Length - 1 || IsPortSuffix(lowered, close + 1)))
                {
                    var addressText = lowered.Substring(0, close + 1);
                    if (close + 1 < lowered.Length && !TryParsePort(lowered.Substring(close + 2), out port))
                    {
                        return false;
                    }

                    if (port <= 0 || port > ushort.MaxValue)
                    {
                        return false;
                    }

                    if (IPAddress.TryParse(addressText, out var address))
                    {
                        host = address.ToString();
                        isIpLiteral = true;
                        return true;
                    }

                    return false;
                }
            }

            // ^(?<host>[^:]+)(:(?<port>\d+))?$
            var colon = lowered.IndexOf(':');
            string hostPart;
            if (colon < 0)
            {
                hostPart = lowered;
            }
            else
            {
                if (colon == 0 || !IsPortSuffix(lowered, colon))
                {
                    return false;
                }

                hostPart = lowered.Substring(0, colon);
                if (!TryParsePort(lowered.Substring(colon + 1), out port))
                {
                    return false;
                }
            }

            if (hostPart.Length == 0 || port <= 0 || port > ushort.MaxValue)
            {
                return false;
            }

            if (IPAddress.TryParse(hostPart, out var ipAddress))
            {
                host = ipAddress.ToString();
                isIpLiteral = true;
                return true;
            }

            host = hostPart;
            return true;
        }

        // ":" followed by one or more regex \d characters (any Unicode decimal digit) up to the end.
        private static bool IsPortSuffix(string text, int colonIndex)
        {
            if (colonIndex >= text.Length || text[colonIndex] != ':' || colonIndex + 1 >= text.Length)
            {
                return false;
            }

            for (var i = colonIndex + 1; i < text.Length; i++)
            {
                if (!char.IsDigit(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        // int.TryParse with the default (integer) style: ASCII digits only, no overflow.
        private static bool TryParsePort(string digits, out int port) =>
            int.TryParse(digits, NumberStyles.Integer, CultureInfo.InvariantCulture, out port);

        private static bool LooksLikeIPv4(string text)
        {
            // IPAddress.TryParse accepts forms such as "127.1" and "0x7f.1"; only try it when the text is made of
            // characters an IPv4 literal can contain, so that host names are never misread as addresses.
            foreach (var c in text)
            {
                if (!(char.IsDigit(c) || c == '.' || c == 'x' || c == 'X' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                {
                    return false;
                }
            }

            return text.Length > 0 && char.IsDigit(text[0]);
        }
    }
}
