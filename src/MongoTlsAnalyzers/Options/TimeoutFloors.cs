using System;

namespace MongoTlsAnalyzers.Options
{
    /// <summary>The recommended minimum of each driver timeout (docs/rules, MTA007).</summary>
    internal sealed class TimeoutFloors
    {
        public static readonly TimeoutFloors Default = new TimeoutFloors(
            serverSelection: TimeSpan.FromSeconds(12),
            connect: TimeSpan.FromSeconds(5),
            socket: TimeSpan.FromSeconds(10),
            waitQueue: TimeSpan.FromSeconds(1),
            heartbeatInterval: TimeSpan.FromMilliseconds(500));

        public TimeoutFloors(TimeSpan serverSelection, TimeSpan connect, TimeSpan socket, TimeSpan waitQueue, TimeSpan heartbeatInterval)
        {
            ServerSelection = serverSelection;
            Connect = connect;
            Socket = socket;
            WaitQueue = waitQueue;
            HeartbeatInterval = heartbeatInterval;
        }

        public TimeSpan ServerSelection { get; }

        public TimeSpan Connect { get; }

        public TimeSpan Socket { get; }

        public TimeSpan WaitQueue { get; }

        public TimeSpan HeartbeatInterval { get; }
    }
}
