using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>The two URI schemes the driver accepts.</summary>
    internal enum MongoUriScheme
    {
        /// <summary><c>mongodb://</c></summary>
        Standard,

        /// <summary><c>mongodb+srv://</c>, which turns TLS on unless tls or ssl is given.</summary>
        Srv,
    }

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
                var builder = new System.Text.StringBuilder();
                builder.Append(IsSrv ? SrvPrefix : StandardPrefix);
                if (UserInfo is { } userInfo)
                {
                    builder.Append(RenderHoles(userInfo.RawUsername));
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

                    builder.Append(RenderHoles(Hosts[i].Text));
                }

                if (Database is not null)
                {
                    builder.Append('/').Append(RenderHoles(Database));
                }

                if (!Options.IsDefaultOrEmpty)
                {
                    builder.Append(Database is null ? "/?…" : "?…");
                }

                return builder.ToString();
            }
        }

        /// <summary>Replaces hole markers with <c>{…}</c> for display.</summary>
        public static string RenderHoles(string text) => text.IndexOf(HoleChar) < 0 ? text : text.Replace(HoleChar.ToString(), "{…}");

        public static bool HasMongoScheme(string text) =>
            text.StartsWith(StandardPrefix, StringComparison.Ordinal) || text.StartsWith(SrvPrefix, StringComparison.Ordinal);

        /// <summary>True when <paramref name="prefix"/> could still grow into a MongoDB URI.</summary>
        public static bool CouldStartMongoScheme(string prefix) =>
            HasMongoScheme(prefix) || StandardPrefix.StartsWith(prefix, StringComparison.Ordinal) || SrvPrefix.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The <c>user:password@</c> part.</summary>
    internal sealed class MongoUriUserInfo
    {
        public MongoUriUserInfo(string rawUsername, TextSpan usernameSpan, string? rawPassword, TextSpan? passwordSpan)
        {
            RawUsername = rawUsername;
            UsernameSpan = usernameSpan;
            RawPassword = rawPassword;
            PasswordSpan = passwordSpan;
        }

        /// <summary>The user name as written (still percent-encoded).</summary>
        public string RawUsername { get; }

        public TextSpan UsernameSpan { get; }

        /// <summary>The password as written (still percent-encoded), or null when there is no <c>:</c>.</summary>
        public string? RawPassword { get; }

        public TextSpan? PasswordSpan { get; }

        public string Username => PercentDecoding.Decode(RawUsername);

        public string? Password => RawPassword is null ? null : PercentDecoding.Decode(RawPassword);

        public bool UsernameHasHole => RawUsername.IndexOf(MongoUri.HoleChar) >= 0;

        public bool PasswordHasHole => RawPassword is not null && RawPassword.IndexOf(MongoUri.HoleChar) >= 0;
    }

    /// <summary>One <c>host[:port]</c> entry.</summary>
    internal sealed class MongoUriHost
    {
        public MongoUriHost(string text, TextSpan span, string host, int? port, bool isIpLiteral, bool isValidEndPoint)
        {
            Text = text;
            Span = span;
            Host = host;
            Port = port;
            IsIpLiteral = isIpLiteral;
            IsValidEndPoint = isValidEndPoint;
        }

        /// <summary>The entry as written, port included.</summary>
        public string Text { get; }

        public TextSpan Span { get; }

        /// <summary>The host name or address, lower-cased, without port; IP addresses in canonical form.</summary>
        public string Host { get; }

        public int? Port { get; }

        public bool IsIpLiteral { get; }

        /// <summary>True when the driver's <c>EndPointHelper</c> accepts the entry.</summary>
        public bool IsValidEndPoint { get; }

        /// <summary>False when any part of the host came from a non-constant piece of the source.</summary>
        public bool IsConstant => Text.IndexOf(MongoUri.HoleChar) < 0;

        /// <summary>True for localhost, 127.0.0.0/8, ::1 and unix-domain socket paths.</summary>
        public bool IsLoopback => IsConstant && HostClassifier.IsLoopback(Host);
    }

    /// <summary>One <c>name=value</c> option.</summary>
    internal sealed class MongoUriOption
    {
        public MongoUriOption(
            string name,
            TextSpan nameSpan,
            string rawValue,
            TextSpan valueSpan,
            TextSpan span,
            KnownUriOption? known)
        {
            Name = name;
            NameSpan = nameSpan;
            RawValue = rawValue;
            ValueSpan = valueSpan;
            Span = span;
            Known = known;
        }

        /// <summary>The name as written, trimmed.</summary>
        public string Name { get; }

        public TextSpan NameSpan { get; }

        /// <summary>The value as written (trimmed, still percent-encoded). The driver reads only the text
        /// up to a second <c>=</c>, so that is what this holds.</summary>
        public string RawValue { get; }

        /// <summary>The percent-decoded value (the driver does not decode authMechanismProperties).</summary>
        public string Value => string.Equals(Name, "authmechanismproperties", StringComparison.OrdinalIgnoreCase)
            ? RawValue
            : PercentDecoding.Decode(RawValue);

        public TextSpan ValueSpan { get; }

        /// <summary>The span of the whole <c>name=value</c> segment.</summary>
        public TextSpan Span { get; }

        /// <summary>The driver's option, or null when the driver ignores this name.</summary>
        public KnownUriOption? Known { get; }

        public bool IsKnown => Known is not null;

        public bool HasHole => Name.IndexOf(MongoUri.HoleChar) >= 0 || RawValue.IndexOf(MongoUri.HoleChar) >= 0;

        /// <summary>The boolean value, when the option is a boolean and its value reads as one.</summary>
        public bool? Boolean { get; internal set; }

        /// <summary>The duration, when the option is a timeout and its value reads as one.</summary>
        public TimeSpan? Duration { get; internal set; }

        /// <summary>How a timeout's number was read (seconds by default for names without MS).</summary>
        public UriDuration.Unit DurationUnit { get; internal set; }

        /// <summary>True when the driver ignores part of the value (an unsupported compressor).</summary>
        public bool HasIgnoredValue { get; internal set; }

        /// <summary>Why the driver refuses this value, or null.</summary>
        public string? Error { get; internal set; }
    }
}
