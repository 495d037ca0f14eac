namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>Where a URI points, as far as its constant text tells (docs/architecture.md "Loopback").</summary>
    internal enum UriHostScope
    {
        /// <summary>No host, or a host that does not fold, and no constant remote host.</summary>
        Unknown,

        /// <summary>Every host is loopback (and there is at least one).</summary>
        AllLoopback,

        /// <summary>At least one constant host is not loopback.</summary>
        ConstantRemote,
    }
}
