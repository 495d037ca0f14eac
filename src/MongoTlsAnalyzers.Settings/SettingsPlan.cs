using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>The options checked and resolved: the problems found, or everything needed to build settings.</summary>
    internal sealed class SettingsPlan
    {
        private static readonly Regex ConnectionStringPattern = new Regex(@"mongodb(\+srv)?://[^\s']*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private readonly List<string> _problems = new List<string>();
        private readonly SecureMongoOptions _options;
        private readonly bool _isDevelopment;
        private MongoUrl? _url;
        private MongoClientSettings? _fromUrl;
        private bool _tls;
        private bool _insecure;
        private SslProtocols _protocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        private X509Certificate2Collection _roots = new X509Certificate2Collection();
        private X509Certificate2? _clientCertificate;
        private ReadPreferenceMode? _readPreference;

        private readonly string _section;

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
            plan.CheckConnectionString();
            plan.CheckTls();
            plan.CheckTimeouts();
            plan.CheckPoolAndRouting();
            return plan;
        }

        private void CheckConnectionString()
        {
            var text = _options.ConnectionString;
            if (string.IsNullOrWhiteSpace(text))
            {
                _problems.Add("ConnectionString is missing: set MongoDB:ConnectionString, and keep its password in user secrets or a vault rather than appsettings.json.");
                return;
            }

            try
            {
                _url = new MongoUrl(text);
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException or IndexOutOfRangeException)
            {
                _problems.Add("ConnectionString is not a valid MongoDB connection string: " + Redact(ex.Message, text));
                return;
            }

            try
            {
                // Some problems only surface when the driver turns the URL into settings (a user without a password).
                _fromUrl = MongoClientSettings.FromUrl(_url);
            }
            catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
            {
                _problems.Add("ConnectionString cannot be used: " + Redact(ex.Message, text) + (_url.Username is not null && _url.Password is null
                    ? " Add the password through configuration (user secrets or a vault), or name an authentication mechanism that needs none, such as authMechanism=MONGODB-X509."
                    : string.Empty));
                _url = null;
                return;
            }

            // The driver's own parser knows which options it ignores.
            foreach (var name in new MongoDB.Driver.Core.Configuration.ConnectionString(text).AllUnknownOptionNames)
            {
                _problems.Add($"The option '{name}' in ConnectionString is ignored by the .NET driver: {IgnoredConnectionStringOptions.AdviceFor(name)}.");
            }

            if (_url.AllowInsecureTls && !(_isDevelopment && _options.Tls.AllowInsecureTlsInDevelopment))
            {
                _problems.Add(_isDevelopment
                    ? "tlsInsecure=true in ConnectionString turns off certificate validation; set Tls:AllowInsecureTlsInDevelopment to allow it in Development."
                    : "tlsInsecure=true in ConnectionString turns off certificate validation, which is refused outside Development; trust the server's CA with Tls:CaCertificatePath instead.");
            }
        }

        private void CheckTls()
        {
            var tls = _options.Tls;
            _tls = tls.Enabled ?? _url?.UseTls ?? false;
            _insecure = _isDevelopment && tls.AllowInsecureTlsInDevelopment;

            if (SecureMongoSettings.Protocols(tls.MinimumProtocol) is { } protocols)
            {
                _protocols = protocols;
            }
            else
            {
                _problems.Add($"Tls:MinimumProtocol '{tls.MinimumProtocol}' is not supported; use Tls12 or Tls13.");
            }

            if (!string.IsNullOrWhiteSpace(tls.CaCertificatePath))
            {
                LoadCaFile(tls.CaCertificatePath!);
            }

            if (!string.IsNullOrWhiteSpace(tls.CaCertificatePem))
            {
                var count = _roots.Count;
                try
                {
                    _roots.ImportFromPem(tls.CaCertificatePem);
                }
                catch (CryptographicException)
                {
                    _problems.Add("Tls:CaCertificatePem is not valid PEM.");
                }

                if (_roots.Count == count)
                {
                    _problems.Add("Tls:CaCertificatePem holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
                }
            }

            if (!string.IsNullOrWhiteSpace(tls.ClientCertificatePath))
            {
                LoadClientCertificate(tls.ClientCertificatePath!, tls.ClientCertificatePassword, tls.ClientKeyPath);
            }

            foreach (var pin in tls.PinnedPublicKeySha256)
            {
                if (CustomCaCertificateValidator.NormalizePin(pin) is null)
                {
                    _problems.Add($"Tls:PinnedPublicKeySha256 '{pin}' is not a SHA-256 hash in base64 or hex.");
                }
            }

            var hasTlsSettings = _roots.Count > 0 || _clientCertificate is not null || tls.PinnedPublicKeySha256.Length > 0;
            if (!_tls && hasTlsSettings)
            {
                _problems.Add("TLS settings are configured but TLS is off, so they would do nothing and the connection would be plaintext; add tls=true to ConnectionString or set Tls:Enabled to true.");
            }
        }

        private void LoadCaFile(string path)
        {
            var count = _roots.Count;
            try
            {
                _roots.ImportFromPemFile(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                _problems.Add($"Tls:CaCertificatePath '{path}' cannot be read: {ex.Message}");
                return;
            }

            if (_roots.Count == count)
            {
                _problems.Add($"Tls:CaCertificatePath '{path}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
            }
        }

        private void LoadClientCertificate(string path, string? password, string? keyPath)
        {
            X509Certificate2 certificate;
            try
            {
                var extension = Path.GetExtension(path).ToLowerInvariant();
                if (extension is ".pfx" or ".p12")
                {
                    certificate = new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
                }
                else
                {
                    var candidates = new X509Certificate2Collection();
                    candidates.ImportFromPemFile(path);
                    if (candidates.Count == 0)
                    {
                        _problems.Add($"Tls:ClientCertificatePath '{path}' holds no certificate.");
                        return;
                    }

                    try
                    {
                        certificate = X509Certificate2.CreateFromPemFile(path, keyPath);
                    }
                    catch (CryptographicException)
                    {
                        // The certificate is there but its key is not.
                        certificate = candidates[0];
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                // Never echo the password: the message says what is wrong with the file.
                _problems.Add($"Tls:ClientCertificatePath '{path}' cannot be read (missing file, wrong format or wrong Tls:ClientCertificatePassword).");
                return;
            }

            if (!certificate.HasPrivateKey)
            {
                _problems.Add($"Tls:ClientCertificatePath '{path}' has no private key; use a PFX file, or a PEM file with the key, or set Tls:ClientKeyPath.");
                return;
            }

            // A PKCS#12 round trip gives a key every platform's TLS stack can use (Windows refuses ephemeral PEM keys).
            _clientCertificate = new X509Certificate2(certificate.Export(X509ContentType.Pkcs12));
        }

        private void CheckTimeouts()
        {
            var timeouts = _options.Timeouts;
            CheckTimeout("ServerSelection", timeouts.ServerSelection, _url?.ServerSelectionTimeout, RecommendedTimeouts.ServerSelection, "a replica-set election normally takes up to about 12 s");
            CheckTimeout("Connect", timeouts.Connect, _url?.ConnectTimeout, RecommendedTimeouts.Connect, "a slow TLS handshake or DNS lookup then fails the connection");
            CheckTimeout("Socket", timeouts.Socket, _url?.SocketTimeout, RecommendedTimeouts.Socket, "ordinary slow queries are cut off");
            CheckTimeout("WaitQueue", timeouts.WaitQueue, _url?.WaitQueueTimeout, RecommendedTimeouts.WaitQueue, "a burst of load fails requests instead of queuing them");
            CheckTimeout("HeartbeatInterval", timeouts.HeartbeatInterval, _url?.HeartbeatInterval, RecommendedTimeouts.HeartbeatInterval, "monitoring traffic multiplies");
        }

        private void CheckTimeout(string name, TimeSpan? configured, TimeSpan? fromUrl, TimeSpan floor, string reason)
        {
            var value = configured ?? fromUrl;
            if (value is not TimeSpan timeout || timeout == System.Threading.Timeout.InfiniteTimeSpan)
            {
                return;
            }

            var where = configured is null ? "The connection string's " + name + " timeout" : "Timeouts:" + name;
            if (timeout < TimeSpan.Zero)
            {
                _problems.Add($"{where} is negative; remove it to use the driver default.");
            }
            else if (name == "Connect" && timeout == TimeSpan.Zero)
            {
                _problems.Add($"{where} is 0, which the .NET driver treats as an immediate timeout; remove it to use the default of 30 s.");
            }
            else if (name == "Socket" && timeout == TimeSpan.Zero)
            {
                // 0 means no socket timeout.
            }
            else if (timeout < floor && !_options.Timeouts.AllowBelowRecommended)
            {
                _problems.Add($"{where} is {Format(timeout)}, below the recommended minimum of {Format(floor)} ({reason}); raise it, or set Timeouts:AllowBelowRecommended to true.");
            }
        }

        private void CheckPoolAndRouting()
        {
            var pool = _options.Pool;
            if (pool.MaxSize is <= 0)
            {
                _problems.Add("Pool:MaxSize must be greater than 0.");
            }

            if (pool.MinSize is < 0)
            {
                _problems.Add("Pool:MinSize must not be negative.");
            }

            if (pool.MinSize is int min && pool.MaxSize is int max && min > max)
            {
                _problems.Add("Pool:MinSize must not be greater than Pool:MaxSize.");
            }

            if (pool.MaxIdleTime is { } idle && idle < TimeSpan.Zero)
            {
                _problems.Add("Pool:MaxIdleTime must not be negative.");
            }

            if (!string.IsNullOrWhiteSpace(_options.ReadPreference))
            {
                if (Enum.TryParse<ReadPreferenceMode>(_options.ReadPreference, ignoreCase: true, out var mode) && Enum.IsDefined(typeof(ReadPreferenceMode), mode))
                {
                    _readPreference = mode;
                }
                else
                {
                    _problems.Add($"ReadPreference '{_options.ReadPreference}' is not one of Primary, PrimaryPreferred, Secondary, SecondaryPreferred, Nearest.");
                }
            }
        }

        /// <summary>Fresh settings; only called when there are no problems.</summary>
        public MongoClientSettings ToSettings(ILoggerFactory? loggerFactory)
        {
            var settings = _fromUrl ?? new MongoClientSettings();
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
                        CheckCertificateRevocation = _roots.Count == 0 && tls.RevocationMode != X509RevocationMode.NoCheck,
                    };
                    if (_roots.Count > 0 || tls.PinnedPublicKeySha256.Length > 0)
                    {
                        ssl.ServerCertificateValidationCallback = new CustomCaCertificateValidator(_roots, tls.PinnedPublicKeySha256, tls.RevocationMode).Validate;
                    }

                    if (_clientCertificate is not null)
                    {
                        ssl.ClientCertificates = new[] { _clientCertificate };
                    }

                    settings.SslSettings = ssl;
                }
            }

            var timeouts = _options.Timeouts;
            if (timeouts.ServerSelection is { } serverSelection)
            {
                settings.ServerSelectionTimeout = serverSelection;
            }

            if (timeouts.Connect is { } connect)
            {
                settings.ConnectTimeout = connect;
            }

            if (timeouts.Socket is { } socket)
            {
                settings.SocketTimeout = socket;
            }

            if (timeouts.WaitQueue is { } waitQueue)
            {
                settings.WaitQueueTimeout = waitQueue;
            }

            if (timeouts.HeartbeatInterval is { } heartbeat)
            {
                settings.HeartbeatInterval = heartbeat;
            }

            var pool = _options.Pool;
            if (pool.MaxSize is int maxSize)
            {
                settings.MaxConnectionPoolSize = maxSize;
            }

            if (pool.MinSize is int minSize)
            {
                settings.MinConnectionPoolSize = minSize;
            }

            if (pool.MaxIdleTime is { } maxIdle)
            {
                settings.MaxConnectionIdleTime = maxIdle;
            }

            if (_options.RetryWrites is bool retryWrites)
            {
                settings.RetryWrites = retryWrites;
            }

            if (_options.RetryReads is bool retryReads)
            {
                settings.RetryReads = retryReads;
            }

            if (!string.IsNullOrWhiteSpace(_options.ApplicationName))
            {
                settings.ApplicationName = _options.ApplicationName;
            }

            if (_readPreference is ReadPreferenceMode mode)
            {
                settings.ReadPreference = new ReadPreference(mode);
            }

            return settings;
        }

        /// <summary>Removes the connection string (and so any password in it) from a driver message.</summary>
        internal static string Redact(string message, string connectionString)
        {
            var redacted = message.Replace(connectionString, "<connection string>");
            return ConnectionStringPattern.Replace(redacted, "<connection string>");
        }

        private static string Format(TimeSpan value) =>
            value.Ticks % TimeSpan.TicksPerSecond == 0
                ? ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s"
                : value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
