using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace MongoTlsAnalyzers.Settings
{
    /// <summary>
    /// Creates every registered client when the host starts (after start-up validation), so that what the helper
    /// decided is logged at start-up rather than at the first request. Creating a client does no network I/O.
    /// </summary>
    internal sealed class SecureMongoStartup : IHostedService
    {
        private readonly IServiceProvider _services;

        public SecureMongoStartup(IServiceProvider services)
        {
            _services = services;
        }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var name in _services.GetRequiredService<SecureMongoClientRegistrations>().Names)
            {
                _ = name.Length == 0 ? _services.GetRequiredService<IMongoClient>() : _services.GetRequiredKeyedService<IMongoClient>(name);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
