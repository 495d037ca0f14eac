using System;

namespace MongoTlsAnalyzers.Options
{
    /// <summary>
    /// The recommended maximum of each driver timeout (docs/rules, MTA007); null where there is none (the socket
    /// timeout, and any ceiling turned off with <c>none</c>).
    /// </summary>
    internal sealed class TimeoutCeilings
    {
        public static readonly TimeoutCeilings Default = new TimeoutCeilings(
            serverSelection: TimeSpan.FromMinutes(2),
            connect: TimeSpan.FromMinutes(1),
            waitQueue: TimeSpan.FromMinutes(2),
            heartbeatInterval: TimeSpan.FromMinutes(1));

        public TimeoutCeilings(TimeSpan? serverSelection, TimeSpan? connect, TimeSpan? waitQueue, TimeSpan? heartbeatInterval)
        {
            ServerSelection = serverSelection;
            Connect = connect;
            WaitQueue = waitQueue;
            HeartbeatInterval = heartbeatInterval;
        }

        public TimeSpan? ServerSelection { get; }

        public TimeSpan? Connect { get; }

        public TimeSpan? WaitQueue { get; }

        public TimeSpan? HeartbeatInterval { get; }
    }
}
