using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.SettingsFlow;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>One setting that turns certificate validation off.</summary>
    internal sealed class InsecureSetting
    {
        public InsecureSetting(InsecureVerdict verdict, Location location, string subject, ValueSource? source, ImmutableDictionary<string, string?> properties)
        {
            Verdict = verdict;
            Location = location;
            Subject = subject;
            Source = source;
            Properties = properties;
        }

        public InsecureVerdict Verdict { get; }

        public Location Location { get; }

        /// <summary>What the setting is, for messages: "AllowInsecureTls = true", "The option tlsInsecure=true".</summary>
        public string Subject { get; }

        /// <summary>Where a run-time value comes from (MTA004).</summary>
        public ValueSource? Source { get; }

        public ImmutableDictionary<string, string?> Properties { get; }
    }
}
