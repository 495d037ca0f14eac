using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>What the real driver's <c>ConnectionString</c> made of a URI.</summary>
    /// <remarks>
    /// <see cref="Password"/> is compared inside the tests only and never printed. <see cref="UrlError"/> and
    /// <see cref="SettingsError"/> are the sink layers: <c>new MongoUrl</c> and <c>MongoClientSettings.FromConnectionString</c>
    /// (which <c>new MongoClient(string)</c> calls), each null when that layer accepts too.
    /// </remarks>
    public sealed record DriverVerdict(
        bool Accepted,
        string? Error,
        bool Tls,
        bool? TlsInsecure,
        bool HasCredentials,
        string? Username,
        IReadOnlyList<string> Hosts,
        IReadOnlyDictionary<string, TimeSpan?> Timeouts,
        IReadOnlyCollection<string> UnknownOptionNames)
    {
        public string? Password { get; init; }

        public string? UrlError { get; init; }

        /// <summary>What <c>new MongoUrlBuilder(string)</c> throws, or null; MTA011 judges it as the <c>new MongoUrl</c> layer.</summary>
        public string? BuilderError { get; init; }

        public string? SettingsError { get; init; }
    }

    /// <summary>
    /// Runs <c>MongoDB.Driver.Core.Configuration.ConnectionString</c> from the real driver: 3.14 from the test
    /// project's package reference, 2.30 from its PackageDownload folder in a separate load context.
    /// </summary>
    public sealed class DriverParser
    {
        /// <summary>The timeout properties compared, by the driver's property name.</summary>
        public static readonly string[] TimeoutProperties =
        {
            "ConnectTimeout", "ServerSelectionTimeout", "SocketTimeout", "WaitQueueTimeout", "HeartbeatInterval",
            "HeartbeatTimeout", "MaxIdleTime", "MaxLifeTime", "LocalThreshold", "WTimeout", "MaxStaleness",
        };

        private static readonly Lazy<DriverParser> V3Parser = new Lazy<DriverParser>(() =>
            new DriverParser(typeof(MongoDB.Driver.Core.Configuration.ConnectionString), typeof(MongoDB.Driver.MongoClientSettings).Assembly));

        private static readonly Lazy<DriverParser> V2Parser = new Lazy<DriverParser>(LoadV2);

        private readonly Type _type;
        private readonly Type _urlType;
        private readonly Type _builderType;
        private readonly MethodInfo _fromConnectionString;

        private DriverParser(Type connectionStringType, Assembly driver)
        {
            _type = connectionStringType;
            _urlType = driver.GetType("MongoDB.Driver.MongoUrl", throwOnError: true)!;
            _builderType = driver.GetType("MongoDB.Driver.MongoUrlBuilder", throwOnError: true)!;
            _fromConnectionString = driver.GetType("MongoDB.Driver.MongoClientSettings", throwOnError: true)!
                .GetMethod("FromConnectionString", new[] { typeof(string) })!;
        }

        public static DriverParser For(DriverVersion version) => version == DriverVersion.V2 ? V2Parser.Value : V3Parser.Value;

        public string AssemblyVersion => _type.Assembly.GetName().Version!.ToString();

        public DriverVerdict Parse(string uri)
        {
            object instance;
            try
            {
                instance = Activator.CreateInstance(_type, uri)!;
            }
            catch (TargetInvocationException ex)
            {
                return new DriverVerdict(false, ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message, false, null, false, null,
                    Array.Empty<string>(), new Dictionary<string, TimeSpan?>(), Array.Empty<string>());
            }

            T? Get<T>(string name) => (T?)_type.GetProperty(name)!.GetValue(instance);

            var hosts = new List<string>();
            foreach (var endPoint in Get<IEnumerable<EndPoint>>("Hosts")!)
            {
                hosts.Add(endPoint switch
                {
                    DnsEndPoint dns => dns.Host + ":" + dns.Port,
                    IPEndPoint ip => ip.Address + ":" + ip.Port,
                    _ => endPoint.ToString()!,
                });
            }

            var timeouts = TimeoutProperties.ToDictionary(name => name, name => Get<TimeSpan?>(name));
            var username = Get<string>("Username");
            var password = Get<string>("Password");
            return new DriverVerdict(
                true,
                null,
                Get<bool?>("Tls") ?? false,
                Get<bool?>("TlsInsecure"),
                username is not null && password is not null,
                username,
                hosts,
                timeouts,
                Get<IEnumerable<string>>("AllUnknownOptionNames")!.ToArray())
            {
                Password = password,
                UrlError = ErrorOf(() => Activator.CreateInstance(_urlType, uri)),
                BuilderError = ErrorOf(() => Activator.CreateInstance(_builderType, uri)),
                SettingsError = ErrorOf(() => _fromConnectionString.Invoke(null, new object[] { uri })),
            };
        }

        /// <summary>The exception a sink layer throws, as type and message, or null when it accepts the URI.</summary>
        private static string? ErrorOf(Action action)
        {
            try
            {
                action();
                return null;
            }
            catch (TargetInvocationException ex)
            {
                return ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message;
            }
        }

        private static DriverParser LoadV2()
        {
            var context = new DriverContext(TestReferences.Mongo2Paths);
            var core = context.LoadFromAssemblyPath(TestReferences.Mongo2Paths.Single(p => p.EndsWith("MongoDB.Driver.Core.dll", StringComparison.Ordinal)));
            var driver = context.LoadFromAssemblyPath(TestReferences.Mongo2Paths.Single(p => p.EndsWith(Path.DirectorySeparatorChar + "MongoDB.Driver.dll", StringComparison.Ordinal)));
            return new DriverParser(core.GetType("MongoDB.Driver.Core.Configuration.ConnectionString", throwOnError: true)!, driver);
        }

        /// <summary>Loads MongoDB.* 2.30 from the package folder; everything else falls back to the default context.</summary>
        private sealed class DriverContext : AssemblyLoadContext
        {
            private readonly Dictionary<string, string> _paths;

            public DriverContext(IEnumerable<string> paths)
                : base("MongoDB.Driver 2.30", isCollectible: false)
            {
                _paths = paths.ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase);
            }

            protected override Assembly? Load(AssemblyName assemblyName) =>
                assemblyName.Name is { } name && _paths.TryGetValue(name, out var path) ? LoadFromAssemblyPath(path) : null;
        }
    }
}
