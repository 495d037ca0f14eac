using System;
using System.Collections.Generic;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// What happens to options the .NET driver ignores (docs/architecture.md "Driver facts"): the message each one deserves, whether it
    /// is a CA option (MTA006 rather than MTA005), and the known option a misspelled name was probably meant
    /// to be. These facts are shared with the runtime helper as documented values (docs/rules/MTA005.md).
    /// </summary>
    internal static class IgnoredOptionFacts
    {
        /// <summary>Options that other MongoDB drivers honour, with what the .NET driver does instead.</summary>
        private static readonly Dictionary<string, string> Consequences = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["tlsAllowInvalidCertificates"] = "certificates are still validated; to trust a private CA, validate against that CA instead of turning validation off",
            ["tlsAllowInvalidHostnames"] = "host names are still validated",
            ["tlsCertificateKeyFile"] = "no client certificate is sent; add the certificate to SslSettings.ClientCertificates",
            ["tlsCertificateKeyFilePassword"] = "it has no effect, because the .NET driver does not read client certificates from the connection string",
            ["tlsDisableOCSPEndpointCheck"] = "revocation checking is unchanged; tlsDisableCertificateRevocationCheck is the option the .NET driver reads",
            ["timeoutMS"] = "no per-operation timeout is set, because released .NET drivers do not read timeoutMS",
            ["timeout"] = "no per-operation timeout is set, because released .NET drivers do not read it",
        };

        /// <summary>Options the 3.x driver dropped, with their replacement.</summary>
        private static readonly Dictionary<string, string> RemovedInVersion3 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["uuidRepresentation"] = "driver 3.0 removed it; register a GuidSerializer with the representation you need",
            ["guids"] = "driver 3.0 removed it; register a GuidSerializer with the representation you need",
            ["connect"] = "driver 3.0 removed it; use directConnection=true for a direct connection",
        };

        /// <summary>Frequent wrong names, with the option that was meant.</summary>
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["connectiontimeout"] = "connectTimeoutMS",
            ["connectiontimeoutms"] = "connectTimeoutMS",
            ["connecttimeoutmillis"] = "connectTimeoutMS",
            ["sockettimeoutmillis"] = "socketTimeoutMS",
            ["replset"] = "replicaSet",
            ["replicasetname"] = "replicaSet",
            ["authdb"] = "authSource",
            ["authdatabase"] = "authSource",
            ["applicationname"] = "appName",
            ["readpref"] = "readPreference",
            ["maxpool"] = "maxPoolSize",
            ["minpool"] = "minPoolSize",
            ["retrywrite"] = "retryWrites",
            ["retryread"] = "retryReads",
        };

        /// <summary>Names never offered as a rename: renaming into them would turn validation off.</summary>
        private static readonly HashSet<string> NeverSuggested = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "tlsInsecure", "sslVerifyCertificate", "tlsDisableCertificateRevocationCheck", "ssl", "tls",
        };

        /// <summary>MTA005's question: an option the driver ignores that is not a CA option (those are MTA006's).</summary>
        public static bool IsReportedAsIgnored(MongoUriOption option) => option.IsIgnoredByDriver && !IsCaOption(option.Name);

        /// <summary>MTA006's question: an unknown, constant option that names a CA file the driver never reads.</summary>
        public static bool IsIneffectiveCaOption(MongoUriOption option) => !option.IsKnown && !option.HasHole && IsCaOption(option.Name);

        /// <summary>
        /// True for options that try to name a CA file: <c>tlsCAFile</c> and CA-like unknown names such as
        /// <c>ssl_ca_certs</c>, <c>tls_ca_certs</c>, <c>sslCAFile</c>, <c>net.ssl.CAFile</c>.
        /// </summary>
        public static bool IsCaOption(string name)
        {
            var normalized = Normalize(name);
            return normalized.EndsWith("cafile", StringComparison.Ordinal)
                || normalized.EndsWith("cacerts", StringComparison.Ordinal)
                || normalized.EndsWith("cacert", StringComparison.Ordinal)
                || normalized == "sslca"
                || normalized == "tlsca";
        }

        /// <summary>
        /// What the driver does with an option it ignores, as the end of the sentence "The option 'x' is ignored
        /// by the .NET MongoDB driver: ...", and the option probably meant, if any.
        /// </summary>
        public static string Describe(string name, DriverProfile profile, out string? suggestion)
        {
            suggestion = null;
            if (Consequences.TryGetValue(name, out var consequence))
            {
                return consequence;
            }

            if (!profile.IsVersion2 && RemovedInVersion3.TryGetValue(name, out var removed))
            {
                return removed;
            }

            if (string.Equals(name, "compressors", StringComparison.OrdinalIgnoreCase))
            {
                return "a compressor it names is not supported (the .NET driver knows zlib, snappy, zstd and noop), so it is not used";
            }

            suggestion = Suggest(name, profile);
            return suggestion is null
                ? "it has no effect"
                : "it has no effect; did you mean " + suggestion + "?";
        }

        /// <summary>The known option a near-miss name was probably meant to be, or null.</summary>
        public static string? Suggest(string name, DriverProfile profile)
        {
            var normalized = Normalize(name);
            if (normalized.Length == 0)
            {
                return null;
            }

            if (Aliases.TryGetValue(normalized, out var alias))
            {
                return alias;
            }

            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var option in UriOptionCatalog.KnownTo(profile))
            {
                if (NeverSuggested.Contains(option.Name))
                {
                    continue;
                }

                if (option.Key == normalized)
                {
                    return option.Name;
                }

                var distance = EditDistance(normalized, option.Key, bestDistance);
                if (distance < bestDistance || (distance == bestDistance && best is not null && string.CompareOrdinal(option.Name, best) < 0))
                {
                    bestDistance = distance;
                    best = option.Name;
                }
            }

            // Short names are too easily one edit away from something else.
            var allowed = normalized.Length >= 8 ? 2 : normalized.Length >= 5 ? 1 : 0;
            return bestDistance <= allowed ? best : null;
        }

        private static string Normalize(string name)
        {
            var chars = new char[name.Length];
            var count = 0;
            foreach (var c in name)
            {
                if (c != '_' && c != '-' && c != '.' && !char.IsWhiteSpace(c))
                {
                    chars[count++] = char.ToLowerInvariant(c);
                }
            }

            return new string(chars, 0, count);
        }

        /// <summary>Optimal-string-alignment distance (Damerau–Levenshtein with adjacent swaps), stopping past <paramref name="limit"/>.</summary>
        private static int EditDistance(string a, string b, int limit)
        {
            if (Math.Abs(a.Length - b.Length) > Math.Min(limit, 3))
            {
                return int.MaxValue;
            }

            var previous2 = new int[b.Length + 1];
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    {
                        value = Math.Min(value, previous2[j - 2] + 1);
                    }

                    current[j] = value;
                }

                var swap = previous2;
                previous2 = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
