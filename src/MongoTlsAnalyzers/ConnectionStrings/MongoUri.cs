using System;
using System.Collections.Immutable;
using System.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// A MongoDB connection string, parsed the way <c>MongoDB.Driver.Core.Configuration.ConnectionString</c>
    /// parses it. Every span is relative to <see cref="Text"/>. Text that came from a non-constant part of
    /// the source (an interpolation hole) is represented by <see cref="HoleChar"/> and counts as unknown.
    /// </summary>
    internal sealed class MongoUri
    {
        /// <summary>Stands for one non-constant piece of the source (an interpolation hole or a parameter).</summary>
        public const char HoleChar = '\uFFFF';

        public const string StandardPrefix = "mongodb://";
        public const string SrvPrefix = "mongodb+srv://";

        internal MongoUri(
            string text,
            MongoUriScheme scheme,
            bool matchesDriverGrammar,
            MongoUriUserInfo? userInfo,
            ImmutableArray<MongoUriHost> hosts,
            string? database,
            ImmutableArray<MongoUriOption> options,
            ImmutableArray<string> unknownOptionNames,
            ImmutableArray<string> driverErrors,
            bool? explicitTls,
            bool? tlsInsecure,
            ImmutableDictionary<DriverTimeout, MongoUriOption> timeouts)
        {
            Text = text;
            Scheme = scheme;
            MatchesDriverGrammar = matchesDriverGrammar;
            UserInfo = userInfo;
            Hosts = hosts;
            Database = database;
            Options = options;
            UnknownOptionNames = unknownOptionNames;
            DriverErrors = driverErrors;
            ExplicitTls = explicitTls;
            TlsInsecure = tlsInsecure;
            Timeouts = timeouts;
        }

        /// <summary>The full text, with holes as <see cref="HoleChar"/>.</summary>
        public string Text { get; }

        public MongoUriScheme Scheme { get; }

        public bool IsSrv => Scheme == MongoUriScheme.Srv;

        /// <summary>True when the text matches the driver's connection-string pattern. When false the parts
        /// below come from a lenient split and the driver would refuse the string.</summary>
        public bool MatchesDriverGrammar { get; }

        /// <summary>Why the driver would refuse the string (never containing a password).</summary>
        public ImmutableArray<string> DriverErrors { get; }

        /// <summary>True when <c>new ConnectionString(text)</c> would succeed.</summary>
        public bool IsAcceptedByDriver => MatchesDriverGrammar && DriverErrors.IsEmpty && !ContainsHole;

        public bool ContainsHole => Text.IndexOf(HoleChar) >= 0;

        /// <summary>
        /// True when the driver would refuse the string for a reason we can see. Holes are given the benefit of
        /// the doubt, so <c>$"mongodb://{host}:{port}/?tlsInsecure=true"</c> has no driver errors. Rules about what
        /// options do only look at strings without driver errors: the driver fails loudly on the others.
        /// </summary>
        public bool HasDriverErrors => !MatchesDriverGrammar || !DriverErrors.IsEmpty;

        public MongoUriUserInfo? UserInfo { get; }

        public ImmutableArray<MongoUriHost> Hosts { get; }

        /// <summary>
        /// The first constant host under <c>mongodb.net</c>, or null: an Atlas cluster, whose certificate chains to a
        /// public root that the operating system trusts, so it needs no custom CA and no validation override.
        /// </summary>
        public string? AtlasHost
        {
            get
            {
                foreach (var host in Hosts)
                {
                    if (host.IsConstant && HostClassifier.IsAtlas(host.Host))
                    {
                        return host.Host;
                    }
                }

                return null;
            }
        }

        /// <summary>Where the URI points: every host loopback, a constant remote host, or unknown.</summary>
        public UriHostScope HostScope
        {
            get
            {
                if (FirstConstantRemoteHost is not null)
                {
                    return UriHostScope.ConstantRemote;
                }

                if (Hosts.IsEmpty)
                {
                    return UriHostScope.Unknown;
                }

                foreach (var host in Hosts)
                {
                    if (!host.IsLoopback)
                    {
                        return UriHostScope.Unknown;
                    }
                }

                return UriHostScope.AllLoopback;
            }
        }

        /// <summary>
        /// True when every host is constant and loopback or, as test code writes them, a made-up fixture host
        /// (<see cref="HostClassifier.IsFixtureHost"/>), and there is at least one host.
        /// </summary>
        public bool PointsOnlyAtLocalOrFixtureHosts
        {
            get
            {
                if (Hosts.IsEmpty)
                {
                    return false;
                }

                foreach (var host in Hosts)
                {
                    if (!host.IsLoopback && !(host.IsConstant && HostClassifier.IsFixtureHost(host.Host)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        /// <summary>The first host that is constant and not loopback, or null.</summary>
        public MongoUriHost? FirstConstantRemoteHost
        {
            get
            {
                foreach (var host in Hosts)
                {
                    if (host.IsConstant && !host.IsLoopback)
                    {
                        return host;
                    }
                }

                return null;
            }
        }

        /// <summary>The percent-decoded database name, if any.</summary>
        public string? Database { get; }

        /// <summary>The options in source order, repeats included.</summary>
        public ImmutableArray<MongoUriOption> Options { get; }

        /// <summary>The names the driver would put in <c>AllUnknownOptionNames</c> (first spelling of each).</summary>
        public ImmutableArray<string> UnknownOptionNames { get; }

        /// <summary>The value of <c>tls</c> or <c>ssl</c>, when given and readable.</summary>
        public bool? ExplicitTls { get; }

        /// <summary>Whether the connection uses TLS: the explicit value, else on for <c>mongodb+srv</c>.</summary>
        public bool TlsEnabled => ExplicitTls ?? IsSrv;

        /// <summary>The value of <c>tlsInsecure</c> (or the inverse of <c>sslVerifyCertificate</c>), when given.</summary>
        public bool? TlsInsecure { get; }

        /// <summary>The option that sets each timeout (the last one given wins, as in the driver).</summary>
        public ImmutableDictionary<DriverTimeout, MongoUriOption> Timeouts { get; }

        public bool TryGetTimeout(DriverTimeout kind, out TimeSpan value)
        {
            if (Timeouts.TryGetValue(kind, out var option) && option.Duration is TimeSpan duration)
            {
                value = duration;
                return true;
            }

            value = default;
            return false;
        }

        /// <summary>
        /// A rendering safe for messages and logs: the scheme, the user name, <c>****</c> for any password,
        /// the hosts and the database. Options are left out because some carry secrets (proxyPassword).
        /// </summary>
        public string Redacted
        {
            get
            {
                var builder = new StringBuilder();
                builder.Append(IsSrv ? SrvPrefix : StandardPrefix);
                if (UserInfo is { } userInfo)
                {
                    // A user name equal to the password is the password: never shown.
                    builder.Append(userInfo.HasWeakPassword ? "****" : RenderHoles(userInfo.RawUsername));
                    if (userInfo.RawPassword is not null)
                    {
                        builder.Append(":****");
                    }

                    builder.Append('@');
                }

                for (var i = 0; i < Hosts.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    builder.Append(HidingPassword(RenderHoles(Hosts[i].Text)));
                }

                if (Database is not null)
                {
                    builder.Append('/').Append(HidingPassword(RenderHoles(Database)));
                }

                if (!Options.IsDefaultOrEmpty)
                {
                    builder.Append(Database is null ? "/?…" : "?…");
                }

                return builder.ToString();
            }
        }

        /// <summary>
        /// A host or database shown in a message, or "…" when it holds the password: a mangled URI (a copy of the user
        /// info pasted after the host) would otherwise repeat the secret the user info hides.
        /// </summary>
        private string HidingPassword(string part)
        {
            if (UserInfo is not { } userInfo)
            {
                return part;
            }

            var raw = userInfo.RawPassword;
            var decoded = userInfo.Password;
            return (!string.IsNullOrEmpty(raw) && part.IndexOf(raw, StringComparison.Ordinal) >= 0)
                || (!string.IsNullOrEmpty(decoded) && part.IndexOf(decoded, StringComparison.Ordinal) >= 0)
                ? "…"
                : part;
        }

        /// <summary>Replaces hole markers with <c>{…}</c> for display.</summary>
        public static string RenderHoles(string text) => text.IndexOf(HoleChar) < 0 ? text : text.Replace(HoleChar.ToString(), "{…}");

        public static bool HasMongoScheme(string text) =>
            text.StartsWith(StandardPrefix, StringComparison.Ordinal) || text.StartsWith(SrvPrefix, StringComparison.Ordinal);

        /// <summary>True when <paramref name="prefix"/> could still grow into a MongoDB URI.</summary>
        public static bool CouldStartMongoScheme(string prefix) =>
            HasMongoScheme(prefix) || StandardPrefix.StartsWith(prefix, StringComparison.Ordinal) || SrvPrefix.StartsWith(prefix, StringComparison.Ordinal);
    }
}
