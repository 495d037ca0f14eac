using System;
using System.Collections.Generic;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Reads the connection string and the credentials kept apart from it (<c>Username</c>, <c>Password</c>): the
    /// driver's URL and settings, or the problems, each naming its configuration key, with the reason and the fix.
    /// Once the connection string has a problem nothing else is derived from it, so no false problem follows.
    /// </summary>
    internal sealed class ConnectionStringReader
    {
        private static readonly string SupportedMechanisms = "SCRAM-SHA-256, SCRAM-SHA-1, MONGODB-X509, MONGODB-AWS, GSSAPI, PLAIN or MONGODB-OIDC";

        private readonly SecureMongoOptions _options;
        private readonly string _section;
        private readonly List<string> _problems;

        private ConnectionStringReader(SecureMongoOptions options, string section, List<string> problems)
        {
            _options = options;
            _section = section;
            _problems = problems;
        }

        /// <summary>The URL with the credentials merged in; null when the connection string has a problem.</summary>
        public MongoUrl? Url { get; private set; }

        /// <summary>The driver's settings from <see cref="Url"/>; null when the connection string has a problem.</summary>
        public MongoClientSettings? Settings { get; private set; }

        /// <summary>The options the connection string sets explicitly, or null when it has a problem.</summary>
        public MongoDB.Driver.Core.Configuration.ConnectionString? Explicit { get; private set; }

        private string Key => _section + ":ConnectionString";

        /// <summary>Reads the connection string, adding every problem to <paramref name="problems"/>.</summary>
        public static ConnectionStringReader Read(SecureMongoOptions options, string section, List<string> problems)
        {
            var reader = new ConnectionStringReader(options, section, problems);
            reader.Read();
            return reader;
        }

        private void Read()
        {
            var text = _options.ConnectionString;
            if (string.IsNullOrWhiteSpace(text))
            {
                _problems.Add($"{Key} is missing: set it to the cluster's mongodb:// or mongodb+srv:// connection string, and keep the password in {_section}:Password (user secrets or the environment) rather than in appsettings.json.");
                return;
            }

            MongoUrlBuilder builder;
            try
            {
                builder = new MongoUrlBuilder(text);
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException or IndexOutOfRangeException)
            {
                _problems.Add($"{Key} is not a valid MongoDB connection string: {Reason(ex, text)}");
                return;
            }

            if (!MergeCredentials(builder))
            {
                return;
            }

            MongoUrl url;
            try
            {
                url = builder.ToMongoUrl();
                Settings = MongoClientSettings.FromUrl(url);
            }
            catch (NotSupportedException)
            {
                _problems.Add($"{Key}: authMechanism '{builder.AuthenticationMechanism}' is not supported by the .NET driver; use {SupportedMechanisms}, or remove it to let the driver negotiate SCRAM.");
                return;
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
            {
                _problems.Add(builder.Username is not null && builder.Password is null
                    ? $"{Key} names the user '{builder.Username}' but no password: set {_section}:Password (user secrets or the environment), or name an authentication mechanism that needs none, such as authMechanism=MONGODB-X509."
                    : $"{Key} cannot be used: {SettingsPlan.Redact(ex.Message, text)}");
                return;
            }

            Url = url;
            Explicit = new MongoDB.Driver.Core.Configuration.ConnectionString(text);
        }

        /// <summary>Adds Username and Password to the URL (the driver percent-encodes them); false on a conflict.</summary>
        private bool MergeCredentials(MongoUrlBuilder builder)
        {
            var ok = true;
            var username = _options.Username;
            var password = _options.Password;
            if (!string.IsNullOrEmpty(username))
            {
                if (builder.Username is not null && !string.Equals(builder.Username, username, StringComparison.Ordinal))
                {
                    _problems.Add($"{_section}:Username '{username}' and the user '{builder.Username}' in {Key} differ; name the user in one place only.");
                    ok = false;
                }

                builder.Username = username;
            }

            if (!string.IsNullOrEmpty(password))
            {
                if (builder.Password is not null)
                {
                    _problems.Add($"{_section}:Password is set and {Key} holds a password too; remove the password from {Key}.");
                    ok = false;
                }
                else if (builder.Username is null)
                {
                    _problems.Add($"{_section}:Password is set but no user name is: set {_section}:Username, or put the user in {Key} (mongodb://user@host).");
                    ok = false;
                }

                builder.Password = password;
            }

            return ok;
        }

        /// <summary>The driver's reason without the connection string, and the fix for the usual causes.</summary>
        private string Reason(Exception ex, string text)
        {
            var reason = SettingsPlan.Redact(ex.Message, text);
            var authority = Authority(text);
            if (authority.IndexOf('@') != authority.LastIndexOf('@'))
            {
                return reason + $" The user name or password contains an unencoded '@': write it as %40, or better, move the password to {_section}:Password, which needs no encoding.";
            }

            if (reason.Contains("'%' escape", StringComparison.Ordinal))
            {
                return reason + $" A '%' in the user name or password must be written %25; or move the password to {_section}:Password, which needs no encoding.";
            }

            if (!text.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) && !text.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
            {
                return reason + " It must start with mongodb:// or mongodb+srv://.";
            }

            if (reason.Contains("invalid TimeSpan value", StringComparison.Ordinal))
            {
                return reason + " Timeouts in a connection string are whole milliseconds (connectTimeoutMS=10000); or set them in " + _section + ":Timeouts as 00:00:10.";
            }

            return reason;
        }

        /// <summary>The text between the scheme and the first '/' or '?' after the last '@' (user info and hosts).</summary>
        private static string Authority(string text)
        {
            var start = text.IndexOf("://", StringComparison.Ordinal);
            if (start < 0)
            {
                return string.Empty;
            }

            start += 3;
            var at = text.LastIndexOf('@');
            var from = at > start ? at : start;
            var end = text.IndexOfAny(new[] { '/', '?' }, from);
            return end < 0 ? text.Substring(start) : text.Substring(start, end - start);
        }
    }
}
