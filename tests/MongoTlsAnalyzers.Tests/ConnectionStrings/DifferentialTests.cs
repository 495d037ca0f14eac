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
    /// accept, on TLS, tlsInsecure, every timeout, credentials (the decoded user name and password, compared here
    /// and never printed), hosts and the unknown option names. MTA011's verdict (<see cref="DriverRejections"/>) is
    /// compared at each layer: <c>ConnectionString</c>, <c>new MongoUrl</c> and <c>MongoClientSettings.FromConnectionString</c>.
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
            return UriCorpus.HandWritten.Concat(UriCorpus.Generated(GeneratedCount, Seed)).Concat(UriCorpus.Targeted()).Concat(extra).Distinct(StringComparer.Ordinal);
        }

        [Theory]
        [InlineData(DriverVersion.V3)]
        [InlineData(DriverVersion.V2)]
        public void ModelAgreesWithDriverParser(DriverVersion version)
        {
            var parser = DriverParser.For(version);
            var profile = version == DriverVersion.V2 ? DriverProfile.V2 : DriverProfile.V3;
            var mismatches = new List<string>();
            var layerMismatches = new Dictionary<DriverLayer, int> { [DriverLayer.ConnectionString] = 0, [DriverLayer.MongoUrlBuilder] = 0, [DriverLayer.MongoUrl] = 0, [DriverLayer.ClientSettings] = 0 };
            var layerRejected = new Dictionary<DriverLayer, int> { [DriverLayer.ConnectionString] = 0, [DriverLayer.MongoUrlBuilder] = 0, [DriverLayer.MongoUrl] = 0, [DriverLayer.ClientSettings] = 0 };
            var coverage = new SortedDictionary<string, int>(StringComparer.Ordinal);
            int compared = 0, accepted = 0, rejected = 0, valuesCompared = 0, templates = 0;
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

                CompareLayers(text, driver, model, profile, mismatches, layerMismatches, layerRejected, ref templates);
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
                valuesCompared += 2;
                if (!string.Equals(driver.Username, model.UserInfo?.Username, StringComparison.Ordinal))
                {
                    mismatches.Add($"{Show(model.Redacted)}: the decoded user name differs");
                }

                if (!string.Equals(driver.Password, model.UserInfo?.Password, StringComparison.Ordinal))
                {
                    mismatches.Add($"{Show(model.Redacted)}: the decoded password differs");
                }

                Count(coverage, driver);
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
            _output.WriteLine("Rejected per layer (driver): " + string.Join(", ", layerRejected.Select(p => p.Key + " " + p.Value)) + $"; {templates} templates or bare schemes not reported by MTA011.");
            _output.WriteLine("MTA011 mismatches per layer: " + string.Join(", ", layerMismatches.Select(p => p.Key + " " + p.Value)));
            _output.WriteLine("Accepted URIs per compared field: " + string.Join(", ", coverage.Select(p => p.Key + " " + p.Value)));
            Console.WriteLine($"[differential] MongoDB.Driver {parser.AssemblyVersion}: rejected per layer {string.Join(", ", layerRejected.Select(p => p.Key + " " + p.Value))}; MTA011 mismatches {string.Join(", ", layerMismatches.Select(p => p.Key + " " + p.Value))}; coverage {string.Join(", ", coverage.Select(p => p.Key + " " + p.Value))}");
            Console.WriteLine($"[differential] MongoDB.Driver {parser.AssemblyVersion}: {compared} URIs compared, {accepted} accepted, {rejected} rejected, {valuesCompared} values compared, {mismatches.Count} mismatches");
            Assert.True(compared >= 1675, $"The differential test must compare at least 1,675 URIs ({compared}).");
            Assert.True(accepted >= 500 && rejected >= 100, $"The corpus must exercise both verdicts (accepted {accepted}, rejected {rejected}).");
            foreach (var field in CoveredFields)
            {
                var count = coverage.TryGetValue(field, out var c) ? c : 0;
                Assert.True(count >= 20, $"The field {field} is compared on {count} accepted URIs; at least 20 are needed.");
            }
            Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches.Take(60)));
        }

        /// <summary>The fields whose comparison must rest on at least 20 accepted URIs that set them.</summary>
        private static readonly string[] CoveredFields = DriverParser.TimeoutProperties.Concat(new[] { "TlsInsecure", "Hosts", "Credentials" }).ToArray();

        /// <summary>Counts the fields an accepted URI sets: a timeout given, tlsInsecure given, several hosts or a port, a user and password.</summary>
        private static void Count(IDictionary<string, int> coverage, DriverVerdict driver)
        {
            void Add(string field) => coverage[field] = (coverage.TryGetValue(field, out var n) ? n : 0) + 1;
            foreach (var (name, value) in driver.Timeouts)
            {
                if (value is not null)
                {
                    Add(name);
                }
            }

            if (driver.TlsInsecure is not null)
            {
                Add("TlsInsecure");
            }

            if (driver.Hosts.Count > 1 || driver.Hosts.Any(h => !h.EndsWith(":27017", StringComparison.Ordinal) && !h.EndsWith(":53", StringComparison.Ordinal)))
            {
                Add("Hosts");
            }

            if (driver.HasCredentials)
            {
                Add("Credentials");
            }
        }

        /// <summary>
        /// MTA011 at each layer against the driver's own path: <c>ConnectionString</c>; <c>new MongoUrlBuilder</c>;
        /// <c>new MongoUrl</c>; and
        /// <c>MongoClientSettings.FromConnectionString</c>, which must refuse all that <c>new MongoUrl</c> refuses.
        /// Templates (placeholder forms) are compared by the verdict, and MTA011 stays silent on them.
        /// </summary>
        private static void CompareLayers(
            string text,
            DriverVerdict driver,
            MongoUri model,
            DriverProfile profile,
            List<string> mismatches,
            Dictionary<DriverLayer, int> layerMismatches,
            Dictionary<DriverLayer, int> layerRejected,
            ref int templates)
        {
            if (driver.Accepted && driver.UrlError is not null && driver.SettingsError is null)
            {
                mismatches.Add($"{Show(model.Redacted)}: FromConnectionString accepts what new MongoUrl refuses ({driver.UrlError})");
            }

            var template = model.ContainsHole || TemplateForms.Contains(text) || DriverRejections.IsSchemeOnly(model);
            if (template)
            {
                templates++;
            }

            foreach (var layer in new[] { DriverLayer.ConnectionString, DriverLayer.MongoUrlBuilder, DriverLayer.MongoUrl, DriverLayer.ClientSettings })
            {
                var driverError = !driver.Accepted ? driver.Error
                    : layer == DriverLayer.ConnectionString ? null
                    : layer == DriverLayer.MongoUrlBuilder ? driver.BuilderError
                    : layer == DriverLayer.MongoUrl ? driver.UrlError
                    : driver.UrlError ?? driver.SettingsError;
                if (driverError is not null)
                {
                    layerRejected[layer]++;
                }

                var verdict = DriverRejections.Find(model, layer, profile);
                var proven = DriverRejections.FindProven(model, layer, profile);
                var disagrees = (driverError is not null) != (verdict is not null) || (!template && (proven is null) != (verdict is null));
                if (disagrees)
                {
                    layerMismatches[layer]++;
                    mismatches.Add($"{Show(text.Length > 300 ? text.Substring(0, 300) + "..." : text)}: at {layer} the driver {(driverError is null ? "accepts" : "rejects (" + driverError + ")")}, MTA011 {(verdict is null ? "accepts" : "rejects (" + verdict.Reason + ")")}");
                }
            }
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
