namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>The TLS state and hosts of one settings object at one point of a method.</summary>
    internal readonly struct SettingsSnapshot
    {
        public SettingsSnapshot(TlsKnowledge tls, HostKnowledge hosts)
        {
            Tls = tls;
            Hosts = hosts;
        }

        public TlsKnowledge Tls { get; }

        public HostKnowledge Hosts { get; }
    }
}
