using System;
using System.Globalization;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// The one place that decides whether the driver refuses a connection string, and why (MTA011, in code and in
    /// configuration files). <see cref="Find"/> is the driver's verdict at a layer, checked against the real driver by
    /// the differential test; <see cref="FindProven"/> is what a rule may report: only text the constant part alone
    /// proves wrong, never a template that is substituted before the driver reads it.
    /// </summary>
    internal static class DriverRejections
    {
        /// <summary>Why the driver refuses <paramref name="uri"/> at <paramref name="layer"/>, or null when it accepts it.</summary>
        public static UriRejection? Find(MongoUri uri, DriverLayer layer, DriverProfile profile)
        {
            var whole = new TextSpan(0, uri.Text.Length);
            if (uri.HasDriverErrors)
            {
                return ConnectionStringRejection(uri, profile, whole);
            }

            if (layer == DriverLayer.ConnectionString)
            {
                return null;
            }

            var url = UrlRejection(uri, profile, checkHosts: layer != DriverLayer.MongoUrlBuilder);
            if (url is not null || layer is DriverLayer.MongoUrl or DriverLayer.MongoUrlBuilder)
            {
                return url;
            }

            return SettingsRejections.Find(uri, whole, profile);
        }

        /// <summary>
        /// <see cref="Find"/>, but null for text with a hole or a placeholder form anywhere (<c>&lt;...&gt;</c>,
        /// <c>{...}</c>, <c>${...}</c>, <c>$(...)</c>, <c>%VAR%</c>, <c>#{...}#</c>, <c>__VAR__</c>).
        /// The scheme alone (<c>"mongodb://"</c>, the first piece of an assembled URI) is a prefix, not a URI.
        /// </summary>
        public static UriRejection? FindProven(MongoUri uri, DriverLayer layer, DriverProfile profile) =>
            IsSchemeOnly(uri) || uri.ContainsHole || TemplateForms.Contains(uri.Text) ? null : Find(uri, layer, profile);

        internal static bool IsSchemeOnly(MongoUri uri) =>
            uri.Text.Length == (uri.IsSrv ? MongoUri.SrvPrefix.Length : MongoUri.StandardPrefix.Length);

        private static UriRejection ConnectionStringRejection(MongoUri uri, DriverProfile profile, TextSpan whole)
        {
            var formatError = !uri.MatchesDriverGrammar || PercentDecoding.HasInvalidEscape(uri.Text);
            if (formatError && UserInfoEncoding.TryFind(uri, profile, out var userInfo, out var characters))
            {
                return new UriRejection(
                    RejectionCause.UnencodedUserInfo,
                    "the user name or password holds a character that is not percent-encoded",
                    "percent-encode " + characters,
                    userInfo,
                    DriverLayer.ConnectionString);
            }

            if (uri.MatchesDriverGrammar)
            {
                foreach (var option in uri.Options)
                {
                    if (option.Error is { } error)
                    {
                        return new UriRejection(RejectionCause.InvalidOptionValue, error, OptionFix(option), option.Span, DriverLayer.ConnectionString);
                    }
                }

                foreach (var host in uri.Hosts)
                {
                    if (PortOutOfRange(host.Text))
                    {
                        return Other("a port is outside the range 1 to 65535", "use a port between 1 and 65535", host.Span, DriverLayer.ConnectionString);
                    }
                }
            }

            if (!uri.MatchesDriverGrammar)
            {
                return Other(
                    "the connection string does not match the driver's format",
                    "percent-encode '@', ':' and '/' in the user name and password, and write each option as name=value",
                    whole,
                    DriverLayer.ConnectionString);
            }

            var reason = uri.DriverErrors.IsEmpty ? "the connection string is not valid" : uri.DriverErrors[0];
            return Other(reason, StructureFix(reason), whole, DriverLayer.ConnectionString);
        }

        private static UriRejection? UrlRejection(MongoUri uri, DriverProfile profile, bool checkHosts)
        {
            MongoUriOption? mode = null;
            MongoUriOption? needsMode = null;
            foreach (var option in uri.Options)
            {
                switch (option.Known?.Key)
                {
                    case "readpreference":
                        mode = option;
                        break;
                    case "readpreferencetags":
                        needsMode ??= option;
                        break;
                }
            }

            if (needsMode is null && uri.Timeouts.TryGetValue(DriverTimeout.MaxStaleness, out var staleness))
            {
                needsMode = staleness;
            }

            if (needsMode is not null && (mode is null || string.Equals(mode.Value.Trim(), "primary", StringComparison.OrdinalIgnoreCase)))
            {
                return Other(
                    "readPreferenceTags and maxStalenessSeconds need a read preference mode other than primary",
                    "add readPreference=secondaryPreferred (or another mode that reads from secondaries) to the options",
                    needsMode.Span,
                    DriverLayer.MongoUrl);
            }

            if (uri.Timeouts.TryGetValue(DriverTimeout.MaxStaleness, out var maxStaleness) && maxStaleness.Duration is TimeSpan value
                && value <= TimeSpan.Zero && value != SettingsRejections.Infinite)
            {
                return Other("maxStalenessSeconds must be greater than zero, or -1 for no maximum", "give at least 90 seconds, or remove it", maxStaleness.Span, DriverLayer.MongoUrl);
            }

            if (checkHosts && !profile.IsVersion2)
            {
                // 3.x's ConnectionString keeps "[" and "[]" as host names, which MongoUrl's MongoServerAddress then refuses
                // (MongoUrlBuilder keeps them as they are).
                foreach (var host in uri.Hosts)
                {
                    if (host.Host.StartsWith("[", StringComparison.Ordinal) && (host.Host.Length <= 2 || !host.Host.EndsWith("]", StringComparison.Ordinal)))
                    {
                        return Other("a host is not valid", "write an IPv6 address in brackets, as [::1]", host.Span, DriverLayer.MongoUrl);
                    }
                }
            }

            return null;
        }

        private static bool PortOutOfRange(string hostText)
        {
            var colon = hostText.LastIndexOf(':');
            if (colon < 0 || colon == hostText.Length - 1 || hostText.IndexOf(']', colon) >= 0)
            {
                return false;
            }

            for (var i = colon + 1; i < hostText.Length; i++)
            {
                if (hostText[i] < '0' || hostText[i] > '9')
                {
                    return false;
                }
            }

            var digits = hostText.Substring(colon + 1);
            return !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port < 1 || port > 65535;
        }

        private static string OptionFix(MongoUriOption option) => option.Known?.Kind switch
        {
            UriOptionKind.Boolean => "write true or false",
            UriOptionKind.Int32 or UriOptionKind.NonNegativeInt32 => "write a whole number",
            UriOptionKind.Double => "write a number",
            UriOptionKind.Duration or UriOptionKind.NonNegativeDuration =>
                "write milliseconds for a name ending in MS, otherwise seconds or a duration such as 30s or 00:00:30",
            UriOptionKind.Enum => "write one of " + string.Join(", ", option.Known.EnumNames),
            _ => "correct or remove " + option.Name,
        };

        private static string StructureFix(string reason)
        {
            if (reason.IndexOf("tlsInsecure and tlsDisableCertificateRevocationCheck", StringComparison.Ordinal) >= 0)
            {
                return "remove tlsDisableCertificateRevocationCheck, or tlsInsecure";
            }

            if (reason.IndexOf("tls has already been configured", StringComparison.Ordinal) >= 0)
            {
                return "give tls (or ssl) once";
            }

            if (reason.IndexOf("cannot specify a port", StringComparison.Ordinal) >= 0)
            {
                return "remove the port: mongodb+srv reads hosts and ports from DNS";
            }

            if (reason.IndexOf("only one host is allowed", StringComparison.Ordinal) >= 0)
            {
                return "give one host name, or use mongodb:// with the list of hosts";
            }

            if (reason.IndexOf("directConnection cannot be used with several hosts", StringComparison.Ordinal) >= 0)
            {
                return "remove directConnection=true, or give one host";
            }

            if (reason.IndexOf("'%' escape", StringComparison.Ordinal) >= 0)
            {
                return "write a literal '%' as %25";
            }

            return "correct the connection string";
        }

        private static UriRejection Other(string reason, string fix, TextSpan span, DriverLayer layer) =>
            new UriRejection(RejectionCause.Other, reason, fix, span, layer);
    }
}
