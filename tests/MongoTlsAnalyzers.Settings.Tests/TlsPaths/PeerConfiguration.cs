using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings.Tests.TlsPaths
{
    /// <summary>
    /// The <c>MongoDB</c> configuration section an application would have for a peer on a loopback port, and the
    /// settings the helper builds from it: the tests of each TLS path set that path's keys on top.
    /// </summary>
    internal static class PeerConfiguration
    {
        /// <summary>
        /// The peer on localhost with TLS on, one host, and timeouts short enough for a peer that never answers a
        /// hello (allowed below the recommended floors). They only bound how long the driver waits for a reply.
        /// </summary>
        public static Dictionary<string, string?> Section(int port) => new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MongoDB:ConnectionString"] = $"mongodb://localhost:{port}/?tls=true&directConnection=true",
            ["MongoDB:Timeouts:Connect"] = "00:00:03",
            ["MongoDB:Timeouts:ServerSelection"] = "00:00:03",
            ["MongoDB:Timeouts:AllowBelowRecommended"] = "true",
        };

        /// <summary>What <c>SecureMongoSettings.FromConfiguration</c> builds from <paramref name="values"/> (no host environment: not Development).</summary>
        public static MongoClientSettings Build(Dictionary<string, string?> values, ILoggerFactory? loggerFactory = null) =>
            SecureMongoSettings.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("MongoDB"), environment: null, loggerFactory);
    }
}
