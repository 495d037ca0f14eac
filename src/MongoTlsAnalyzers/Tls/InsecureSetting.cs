using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.SettingsFlow;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>One setting that turns certificate validation off.</summary>
    internal sealed class InsecureSetting
    {
        public InsecureSetting(InsecureVerdict verdict, Location location, string subject, ValueSource? source, FixFacts facts)
        {
            Verdict = verdict;
            Location = location;
            Subject = subject;
            Source = source;
            Facts = facts;
        }

        public InsecureVerdict Verdict { get; }

        public Location Location { get; }

        /// <summary>What the setting is, for messages: "AllowInsecureTls = true", "The option tlsInsecure=true".</summary>
        public string Subject { get; }

        /// <summary>Where a run-time value comes from (MTA004).</summary>
        public ValueSource? Source { get; }

        /// <summary>What the fixes need to know about the setting.</summary>
        public FixFacts Facts { get; }

        /// <summary>The Atlas host the setting's URI names, for MTA003's Atlas message (docs/rules/MTA003.md "Atlas").</summary>
        public string? AtlasHost { get; private set; }

        /// <summary>Marks the settings added since <paramref name="from"/> as toward an Atlas cluster, when <paramref name="host"/> is one (MTA003's Atlas message).</summary>
        public static void MarkAtlas(ImmutableArray<InsecureSetting>.Builder found, int from, string? host)
        {
            if (host is null || !HostClassifier.IsAtlas(host))
            {
                return;
            }

            for (var i = from; i < found.Count; i++)
            {
                found[i] = found[i].OnAtlas(host);
            }
        }

        /// <summary>This setting, toward the Atlas cluster <paramref name="host"/>.</summary>
        public InsecureSetting OnAtlas(string host) =>
            new InsecureSetting(Verdict, Location, Subject, Source, Facts) { AtlasHost = host };
    }
}
