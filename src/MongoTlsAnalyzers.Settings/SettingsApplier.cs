using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>Copies the checked timeouts, pool, retry and naming options onto driver settings.</summary>
    internal sealed class SettingsApplier
    {
        private readonly SecureMongoOptions _options;

        public SettingsApplier(SecureMongoOptions options)
        {
            _options = options;
        }

        public void Apply(MongoClientSettings settings)
        {
            var timeouts = _options.Timeouts;
            if (timeouts.ServerSelection is { } serverSelection)
            {
                settings.ServerSelectionTimeout = serverSelection;
            }

            if (timeouts.Connect is { } connect)
            {
                settings.ConnectTimeout = connect;
            }

            if (timeouts.Socket is { } socket)
            {
                settings.SocketTimeout = socket;
            }

            if (timeouts.WaitQueue is { } waitQueue)
            {
                settings.WaitQueueTimeout = waitQueue;
            }

            if (timeouts.HeartbeatInterval is { } heartbeat)
            {
                settings.HeartbeatInterval = heartbeat;
            }

            var pool = _options.Pool;
            if (pool.MaxSize is int maxSize)
            {
                settings.MaxConnectionPoolSize = maxSize;
            }

            if (pool.MinSize is int minSize)
            {
                settings.MinConnectionPoolSize = minSize;
            }

            if (pool.MaxIdleTime is { } maxIdle)
            {
                settings.MaxConnectionIdleTime = maxIdle;
            }

            if (_options.RetryWrites is bool retryWrites)
            {
                settings.RetryWrites = retryWrites;
            }

            if (_options.RetryReads is bool retryReads)
            {
                settings.RetryReads = retryReads;
            }

            if (!string.IsNullOrWhiteSpace(_options.ApplicationName))
            {
                settings.ApplicationName = _options.ApplicationName;
            }
        }
    }
}
