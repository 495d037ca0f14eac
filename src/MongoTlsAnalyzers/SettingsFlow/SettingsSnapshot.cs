namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>The TLS state and hosts of one settings object at one point of a method.</summary>
    internal readonly struct SettingsSnapshot
    {
        public SettingsSnapshot(TlsKnowledge tls, bool tlsSetExplicitly, HostKnowledge hosts)
        {
            Tls = tls;
            TlsSetExplicitly = tlsSetExplicitly;
            Hosts = hosts;
        }

        public TlsKnowledge Tls { get; }

        /// <summary>True when the TLS state comes from <c>UseTls</c>/<c>UseSsl</c> or <c>tls</c>/<c>ssl</c>, not a default.</summary>
        public bool TlsSetExplicitly { get; }

        public HostKnowledge Hosts { get; }
    }
}
