namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>The driver timeouts that a connection string can set.</summary>
    internal enum DriverTimeout
    {
        None,
        Connect,
        ServerSelection,
        Socket,
        WaitQueue,
        HeartbeatInterval,
        HeartbeatTimeout,
        MaxIdleTime,
        MaxLifetime,
        LocalThreshold,
        WriteConcern,
        MaxStaleness,
    }
}
