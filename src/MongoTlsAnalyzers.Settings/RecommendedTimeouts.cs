using System;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// The recommended minimum of each driver timeout. These are the same floors the MTA007 analyzer uses by
    /// default (docs/rules/MTA007.md); the test suite checks that the two stay equal.
    /// </summary>
    public static class RecommendedTimeouts
    {
        /// <summary>12 s: a replica-set election normally completes within about 12 s.</summary>
        public static TimeSpan ServerSelection { get; } = TimeSpan.FromSeconds(12);

        /// <summary>5 s: room for DNS and a TLS handshake.</summary>
        public static TimeSpan Connect { get; } = TimeSpan.FromSeconds(5);

        /// <summary>10 s (0, meaning no timeout, is also fine).</summary>
        public static TimeSpan Socket { get; } = TimeSpan.FromSeconds(10);

        /// <summary>1 s.</summary>
        public static TimeSpan WaitQueue { get; } = TimeSpan.FromSeconds(1);

        /// <summary>500 ms.</summary>
        public static TimeSpan HeartbeatInterval { get; } = TimeSpan.FromMilliseconds(500);
    }
}
