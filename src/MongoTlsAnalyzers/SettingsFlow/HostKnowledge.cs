using System.Collections.Generic;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>What is known about the servers a settings object or URL builder points at.</summary>
    internal readonly struct HostKnowledge
    {
        public HostKnowledge(bool isKnown, bool allLoopback, string? remoteHost, bool? onlyLocalOrFixture = null)
        {
            IsKnown = isKnown;
            AllLoopback = allLoopback;
            RemoteHost = remoteHost;
            OnlyLocalOrFixture = isKnown && (onlyLocalOrFixture ?? allLoopback);
        }

        public static HostKnowledge Unknown => default;

        /// <summary>True when at least one host was found and every host found is a constant.</summary>
        public bool IsKnown { get; }

        public bool AllLoopback { get; }

        /// <summary>The first non-loopback host, when known.</summary>
        public string? RemoteHost { get; }

        /// <summary>
        /// True when every host is known and loopback or a made-up fixture host (<see cref="HostClassifier.IsFixtureHost"/>),
        /// which MTA001 does not count as a server in test code.
        /// </summary>
        public bool OnlyLocalOrFixture { get; }

        public bool IsKnownLoopback => IsKnown && AllLoopback;

        public bool IsKnownRemote => IsKnown && !AllLoopback;

        public static HostKnowledge FromUri(MongoUri uri)
        {
            if (uri.Hosts.IsEmpty)
            {
                return Unknown;
            }

            string? remote = null;
            foreach (var host in uri.Hosts)
            {
                if (!host.IsConstant)
                {
                    return Unknown;
                }

                if (!host.IsLoopback)
                {
                    remote ??= host.Host;
                }
            }

            return new HostKnowledge(true, remote is null, remote, uri.PointsOnlyAtLocalOrFixtureHosts);
        }

        public static HostKnowledge Combine(List<HostKnowledge> hosts)
        {
            if (hosts.Count == 0)
            {
                return Unknown;
            }

            string? remote = null;
            var onlyLocalOrFixture = true;
            foreach (var host in hosts)
            {
                if (!host.IsKnown)
                {
                    return Unknown;
                }

                remote ??= host.RemoteHost;
                onlyLocalOrFixture &= host.OnlyLocalOrFixture;
            }

            return new HostKnowledge(true, remote is null, remote, onlyLocalOrFixture);
        }
    }
}
