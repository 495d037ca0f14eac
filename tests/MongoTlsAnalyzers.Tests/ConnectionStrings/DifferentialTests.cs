using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// Feeds every URI of <see cref="UriCorpus"/> through our model and through the real driver's
    /// <c>ConnectionString</c> (3.14.0 and 2.30.0) and requires agreement on the verdict and, when both
    /// accept, on TLS, tlsInsecure, every timeout, credentials, hosts and the unknown option names.
    /// </summary>
    public sealed class DifferentialTests
    {
        private const int GeneratedCount = 1500;
        private const int Seed = 20261128;

        private static readonly Dictionary<DriverTimeout, string> TimeoutProperty = new Dictionary<DriverTimeout, string>
        {
            [DriverTimeout.Connect] = "ConnectTimeout",
            [DriverTimeout.ServerSelection] = "ServerSelectionTimeout",
            [DriverTimeout.Socket] = "SocketTimeout",
            [DriverTimeout.WaitQueue] = "WaitQueueTimeout",
            [DriverTimeout.HeartbeatInterval] = "HeartbeatInterval",
            [DriverTimeout.HeartbeatTimeout] = "HeartbeatTimeout",
            [DriverTimeout.MaxIdleTime] = "MaxIdleTime",
            [DriverTimeout.MaxLifetime] = "MaxLifeTime",
            [DriverTimeout.LocalThreshold] = "LocalThreshold",
            [DriverTimeout.WriteConcern] = "WTimeout",
            [DriverTimeout.MaxStaleness] = "MaxStaleness",
        };

        private readonly ITestOutputHelper _output;

        public DifferentialTests(ITestOutputHelper output)
        {
            _output = output;
        }

        /// <summary>
        /// The corpus, plus the lines of the file named by MTA_EXTRA_URIS when set (for example the MongoDB
        /// specification's connection-string test URIs, one per line, with \n escaped).
        /// </summary>
        public static IEnumerable<string> AllUris()
        {
            var extra = Environment.GetEnvironmentVariable("MTA_EXTRA_URIS") is { Length: > 0 } path && System.IO.File.Exists(path)
                ? System.IO.File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => l.Replace("\\n", "\n"))
                : Enumerable.Empty<string>();
            return UriCorpus.HandWritten.Concat(UriCorpus.Generated(GeneratedCount, Seed)).Concat(extra).Distinct(StringComparer.Ordinal);
        }

        [Theory]
        [InlineData(DriverVersion.V3)]
        [InlineData(DriverVersion.V2)]
        public void ModelAgreesWithDriverParser(DriverVersion version)
        {
            var parser = DriverParser.For(version);
            var profile = version == DriverVersion.V2 ? DriverProfile.V2 : DriverProfile.V3;
            var mismatches = new List<string>();
            int compared = 0, accepted = 0, rejected = 0, valuesCompared = 0;
            foreach (var text in AllUris())
            {
                compared++;
                var driver = parser.Parse(text);
                var model = MongoUriParser.Parse(text, profile);
                if (model is null)
                {
                    // Not a mongodb:// or mongodb+srv:// string: the model says "not a MongoDB URI", the driver must refuse it.
                    if (driver.Accepted)
                    {
                        mismatches.Add($"{Show(text)}: driver accepts, model says it is not a MongoDB URI");
                    }
                    else
                    {
                        rejected++;
                    }

                    continue;
                }

                if (driver.Accepted != model.IsAcceptedByDriver)
                {
                    mismatches.Add($"{Show(text)}: driver {(driver.Accepted ? "accepts" : "rejects (" + driver.Error + ")")}, model {(model.IsAcceptedByDriver ? "accepts" : "rejects (" + string.Join("; ", model.DriverErrors) + ")")}");
                    continue;
                }

                if (!driver.Accepted)
                {
                    rejected++;
                    continue;
                }

                accepted++;
                void Check(string what, object? expected, object? actual)
                {
                    valuesCompared++;
                    if (!Equals(expected, actual))
                    {
                        mismatches.Add($"{Show(text)}: {what}: driver {expected ?? "null"}, model {actual ?? "null"}");
                    }
                }

                Check("tls", driver.Tls, model.TlsEnabled);
                Check("tlsInsecure", driver.TlsInsecure, model.TlsInsecure);
                Check("credentials", driver.HasCredentials, model.UserInfo?.RawPassword is not null);
                Check("username", driver.Username, model.UserInfo?.Username);
                Check("hosts", string.Join(",", driver.Hosts), string.Join(",", model.Hosts.Select(h => h.Host + ":" + h.Port)));
                foreach (var (kind, property) in TimeoutProperty)
                {
                    Check(property, driver.Timeouts[property], model.TryGetTimeout(kind, out var value) ? value : (TimeSpan?)null);
                }

                Check(
                    "unknown options",
                    string.Join(",", driver.UnknownOptionNames.Select(n => n.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal)),
                    string.Join(",", model.UnknownOptionNames.Select(n => n.ToLowerInvariant()).OrderBy(n => n, StringComparer.Ordinal)));
            }

            _output.WriteLine($"MongoDB.Driver {parser.AssemblyVersion}: {compared} URIs compared ({accepted} accepted by both, {rejected} rejected by both), {valuesCompared} values compared, {mismatches.Count} mismatches.");
            Console.WriteLine($"[differential] MongoDB.Driver {parser.AssemblyVersion}: {compared} URIs compared, {accepted} accepted, {rejected} rejected, {valuesCompared} values compared, {mismatches.Count} mismatches");
            Assert.True(compared >= 500, "The differential test must compare at least 500 URIs.");
            Assert.True(accepted >= 200 && rejected >= 100, $"The corpus must exercise both verdicts (accepted {accepted}, rejected {rejected}).");
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(60)));
        }

        private static string Show(string text)
        {
            var builder = new StringBuilder();
            foreach (var c in text)
            {
                builder.Append(c < ' ' ? $"\\x{(int)c:x2}" : c.ToString());
            }

            return builder.ToString();
        }
    }
}
