using System;
using System.Collections.Generic;
using System.Threading;
using MongoDB.Driver.Core.Configuration;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Checks each timeout, from the Timeouts section or the connection string, against its recommended floor, and
    /// refuses a timeout set in both places with different values (one place decides, never silently).
    /// </summary>
    internal sealed class TimeoutCheck
    {
        private readonly SecureMongoTimeoutOptions _timeouts;
        private readonly ConnectionString? _uri;
        private readonly string _section;
        private readonly List<string> _problems;

        public TimeoutCheck(SecureMongoTimeoutOptions timeouts, ConnectionString? uri, string section, List<string> problems)
        {
            _timeouts = timeouts;
            _uri = uri;
            _section = section;
            _problems = problems;
        }

        public void Run()
        {
            Check("ServerSelection", "serverSelectionTimeoutMS", _timeouts.ServerSelection, _uri?.ServerSelectionTimeout, RecommendedTimeouts.ServerSelection, "a replica-set election normally takes up to about 12 s");
            Check("Connect", "connectTimeoutMS", _timeouts.Connect, _uri?.ConnectTimeout, RecommendedTimeouts.Connect, "a slow TLS handshake or DNS lookup then fails the connection");
            Check("Socket", "socketTimeoutMS", _timeouts.Socket, _uri?.SocketTimeout, RecommendedTimeouts.Socket, "ordinary slow queries are cut off");
            Check("WaitQueue", "waitQueueTimeoutMS", _timeouts.WaitQueue, _uri?.WaitQueueTimeout, RecommendedTimeouts.WaitQueue, "a burst of load fails requests instead of queuing them");
            Check("HeartbeatInterval", "heartbeatFrequencyMS", _timeouts.HeartbeatInterval, _uri?.HeartbeatInterval, RecommendedTimeouts.HeartbeatInterval, "monitoring traffic multiplies");
        }

        private void Check(string name, string uriOption, TimeSpan? configured, TimeSpan? fromUri, TimeSpan floor, string reason)
        {
            var key = _section + ":Timeouts:" + name;
            if (configured is TimeSpan a && fromUri is TimeSpan b && a != b)
            {
                _problems.Add($"{key} is {a:c} but {_section}:ConnectionString sets {uriOption}={(long)b.TotalMilliseconds} ({b:c}); set this timeout in one place only.");
                return;
            }

            var value = configured ?? fromUri;
            if (value is not TimeSpan timeout || timeout == Timeout.InfiniteTimeSpan)
            {
                return;
            }

            var where = configured is null ? $"{uriOption} in {_section}:ConnectionString" : key;
            if (timeout < TimeSpan.Zero)
            {
                _problems.Add($"{where} is negative; remove it to use the driver default.");
            }
            else if (name == "Connect" && timeout == TimeSpan.Zero)
            {
                _problems.Add($"{where} is 0, which the .NET driver treats as an immediate timeout; remove it to use the default of 30 s.");
            }
            else if (name == "Socket" && timeout == TimeSpan.Zero)
            {
                // 0 means no socket timeout.
            }
            else if (timeout < floor && !_timeouts.AllowBelowRecommended)
            {
                _problems.Add($"{where} is {SettingsPlan.Format(timeout)}, below the recommended minimum of {SettingsPlan.Format(floor)} ({reason}); raise it, or set {_section}:Timeouts:AllowBelowRecommended to true.");
            }
        }
    }
}
