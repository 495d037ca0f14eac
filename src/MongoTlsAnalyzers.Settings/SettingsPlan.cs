using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// The options checked and resolved: the problems found (each naming its configuration key, never a secret), or
    /// everything needed to build settings, and what was decided, for the start-up log.
    /// </summary>
    internal sealed class SettingsPlan
    {
        private static readonly Regex ConnectionStringPattern = new Regex(@"mongodb(\+srv)?://[^\s']*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private readonly List<string> _problems = new List<string>();
        private readonly SecureMongoOptions _options;
        private readonly bool _isDevelopment;
        private readonly string _section;
        private ConnectionStringReader _connection = null!;
        private TlsMaterial _material = null!;
        private bool _tls;
        private bool _insecure;
        private SslProtocols _protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        private ReadPreferenceMode? _readPreference;
        private ServerApi? _serverApi;

        private SettingsPlan(SecureMongoOptions options, IHostEnvironment? environment, string sectionPath)
        {
            _options = options;
            _isDevelopment = environment?.IsDevelopment() == true;
            _section = sectionPath;
        }

        public IReadOnlyList<string> Problems => _problems;

        public static SettingsPlan Create(SecureMongoOptions options, IHostEnvironment? environment, string sectionPath)
        {
            var plan = new SettingsPlan(options, environment, sectionPath);
            plan._problems.AddRange(options.BindingProblems);
            plan._connection = ConnectionStringReader.Read(options, sectionPath, plan._problems);
            plan.CheckConnectionStringOptions();
            plan.CheckTls();
            new TimeoutCheck(options.Timeouts, plan._connection.Explicit, sectionPath, plan._problems).Run();
            plan.CheckPoolAndRouting();
            plan.CheckServerApi();
            plan.RemoveSecrets();
            return plan;
        }

        private string Key(string name) => _section + ":" + name;

        private void CheckConnectionStringOptions()
        {
            if (_connection.Explicit is not { } parsed || _connection.Url is not { } url)
            {
                return;
            }

            // The driver's own parser knows which options it ignores.
            foreach (var name in parsed.AllUnknownOptionNames)
            {
                _problems.Add($"The option '{name}' in {Key("ConnectionString")} is ignored by the .NET driver: {IgnoredConnectionStringOptions.AdviceFor(name)}.");
            }

            if (url.AllowInsecureTls && !(_isDevelopment && _options.Tls.AllowInsecureTlsInDevelopment))
            {
                _problems.Add(_isDevelopment
                    ? $"tlsInsecure=true in {Key("ConnectionString")} turns off certificate validation; set {Key("Tls:AllowInsecureTlsInDevelopment")} to allow it in Development."
                    : $"tlsInsecure=true in {Key("ConnectionString")} turns off certificate validation, which is refused outside Development; trust the server's CA with {Key("Tls:CaCertificatePath")} instead.");
            }
        }

        private void CheckTls()
        {
            var tls = _options.Tls;
            var fromUri = _connection.Explicit?.Tls;
            if (tls.Enabled is bool enabled && fromUri is bool uriTls && enabled != uriTls)
            {
                _problems.Add(uriTls
                    ? $"{Key("Tls:Enabled")} is false but {Key("ConnectionString")} turns TLS on (tls=true, or mongodb+srv://); TLS is set in one place only: remove {Key("Tls:Enabled")}, or tls=true from the connection string."
                    : $"{Key("Tls:Enabled")} is true but {Key("ConnectionString")} has tls=false; TLS is set in one place only: remove tls=false from the connection string, or {Key("Tls:Enabled")}.");
            }

            _tls = tls.Enabled ?? _connection.Url?.UseTls ?? false;
            _insecure = _isDevelopment && tls.AllowInsecureTlsInDevelopment;

            if (SecureMongoSettings.Protocols(tls.MinimumProtocol) is { } protocols)
            {
                _protocols = protocols;
            }
            else
            {
                _problems.Add($"{Key("Tls:MinimumProtocol")} '{tls.MinimumProtocol}' is not supported; use Tls12 or Tls13 (TLS 1.0 and 1.1 are broken).");
            }

            _material = TlsMaterial.Load(tls, _section, _problems);
            foreach (var pin in tls.PinnedPublicKeySha256)
            {
                if (CustomCaCertificateValidator.NormalizePin(pin) is null)
                {
                    _problems.Add($"{Key("Tls:PinnedPublicKeySha256")} '{pin}' is not a SHA-256 hash in base64 or hex (mongo-tls probe prints the pin of a server).");
                }
            }

            // Only when TLS is known to be off: a missing or broken connection string says nothing about TLS.
            var tlsKnown = tls.Enabled is not null || _connection.Url is not null;
            var hasTlsSettings = !string.IsNullOrWhiteSpace(tls.CaCertificatePath) || !string.IsNullOrWhiteSpace(tls.CaCertificatePem)
                || !string.IsNullOrWhiteSpace(tls.ClientCertificatePath) || tls.PinnedPublicKeySha256.Length > 0;
            if (tlsKnown && !_tls && hasTlsSettings)
            {
                _problems.Add($"TLS settings are configured but TLS is off, so they would do nothing and the connection would be plaintext; add tls=true to {Key("ConnectionString")} or set {Key("Tls:Enabled")} to true.");
            }
        }

        private void CheckPoolAndRouting()
        {
            var pool = _options.Pool;
            if (pool.MaxSize is <= 0)
            {
                _problems.Add($"{Key("Pool:MaxSize")} must be greater than 0.");
            }

            if (pool.MinSize is < 0)
            {
                _problems.Add($"{Key("Pool:MinSize")} must not be negative.");
            }

            if (pool.MinSize is int min && pool.MaxSize is int max && min > max)
            {
                _problems.Add($"{Key("Pool:MinSize")} must not be greater than {Key("Pool:MaxSize")}.");
            }

            if (pool.MaxIdleTime is { } idle && idle < TimeSpan.Zero)
            {
                _problems.Add($"{Key("Pool:MaxIdleTime")} must not be negative.");
            }

            if (!string.IsNullOrWhiteSpace(_options.ReadPreference))
            {
                if (Enum.TryParse<ReadPreferenceMode>(_options.ReadPreference, ignoreCase: true, out var mode) && Enum.IsDefined(typeof(ReadPreferenceMode), mode) && !_options.ReadPreference!.Trim().All(char.IsDigit))
                {
                    _readPreference = mode;
                }
                else
                {
                    _problems.Add($"{Key("ReadPreference")} '{_options.ReadPreference}' is not one of Primary, PrimaryPreferred, Secondary, SecondaryPreferred, Nearest.");
                }
            }
        }

        private void CheckServerApi()
        {
            var api = _options.ServerApi;
            if (string.IsNullOrWhiteSpace(api.Version))
            {
                if (api.Strict is not null || api.DeprecationErrors is not null)
                {
                    _problems.Add($"{Key("ServerApi:Strict")} and {Key("ServerApi:DeprecationErrors")} need {Key("ServerApi:Version")}; set it to 1.");
                }

                return;
            }

            if (api.Version!.Trim() is "1" or "V1" or "v1")
            {
                _serverApi = new ServerApi(ServerApiVersion.V1, api.Strict, api.DeprecationErrors);
            }
            else
            {
                _problems.Add($"{Key("ServerApi:Version")} '{api.Version}' is not a Stable API version; use 1.");
            }
        }

        /// <summary>The last line of defence: no password may appear in a problem, whatever the input.</summary>
        private void RemoveSecrets()
        {
            var secrets = new List<string?> { _options.Password, _options.Tls.ClientCertificatePassword };
            secrets.AddRange(UriPasswords(_options.ConnectionString));
            foreach (var secret in secrets.Where(s => s is { Length: >= 3 }).Distinct().OrderByDescending(s => s!.Length))
            {
                for (var i = 0; i < _problems.Count; i++)
                {
                    _problems[i] = _problems[i].Replace(secret!, "****", StringComparison.Ordinal);
                }
            }
        }

        /// <summary>The password in a connection string's user info, as written and percent-decoded.</summary>
        internal static IEnumerable<string> UriPasswords(string? text)
        {
            if (text is null)
            {
                yield break;
            }

            var start = text.IndexOf("://", StringComparison.Ordinal);
            var at = text.LastIndexOf('@');
            if (start < 0 || at <= start)
            {
                yield break;
            }

            var userInfo = text.Substring(start + 3, at - start - 3);
            var colon = userInfo.IndexOf(':');
            if (colon < 0)
            {
                yield break;
            }

            var password = userInfo.Substring(colon + 1);
            yield return password;
            yield return Uri.UnescapeDataString(password);
        }

        /// <summary>Fresh settings; only called when there are no problems.</summary>
        public MongoClientSettings ToSettings(ILoggerFactory? loggerFactory)
        {
            var settings = _connection.Settings ?? new MongoClientSettings();
            settings.UseTls = _tls;
            if (_tls)
            {
                if (_insecure)
                {
                    // Development only. No callback: a custom callback would override AllowInsecureTls.
                    settings.AllowInsecureTls = true;
                }
                else
                {
                    settings.AllowInsecureTls = false;
                    var tls = _options.Tls;
                    var ssl = new SslSettings
                    {
                        EnabledSslProtocols = _protocols,
                        CheckCertificateRevocation = _material.Roots.Count == 0 && tls.RevocationMode != X509RevocationMode.NoCheck,
                    };
                    if (_material.Roots.Count > 0 || tls.PinnedPublicKeySha256.Length > 0)
                    {
                        var validator = new CustomCaCertificateValidator(_material.Roots, tls.PinnedPublicKeySha256, tls.RevocationMode);
                        validator.Logger = loggerFactory?.CreateLogger(typeof(CustomCaCertificateValidator).FullName!);
                        ssl.ServerCertificateValidationCallback = validator.Validate;
                    }

                    if (_material.ClientCertificate is not null)
                    {
                        ssl.ClientCertificates = new[] { _material.ClientCertificate };
                    }

                    settings.SslSettings = ssl;
                }
            }

            new SettingsApplier(_options).Apply(settings);
            if (_readPreference is ReadPreferenceMode mode)
            {
                settings.ReadPreference = new ReadPreference(mode);
            }

            if (_serverApi is not null)
            {
                settings.ServerApi = _serverApi;
            }

            if (loggerFactory is not null)
            {
                settings.LoggingSettings = new MongoDB.Driver.Core.Configuration.LoggingSettings(loggerFactory);
                StartupLog.Write(loggerFactory, _section, settings, _insecure, _material.RootsSource, _options);
            }

            return settings;
        }

        /// <summary>Removes the connection string (and so any password in it) from a driver message.</summary>
        internal static string Redact(string message, string connectionString)
        {
            var redacted = message.Replace(connectionString, "<connection string>");
            return ConnectionStringPattern.Replace(redacted, "<connection string>");
        }

        internal static string Format(TimeSpan value) =>
            value.Ticks % TimeSpan.TicksPerSecond == 0
                ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
                : value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
