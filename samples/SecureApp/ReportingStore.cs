using Microsoft.Extensions.DependencyInjection;
using MongoDB.Driver;

namespace SecureApp;

public sealed class ReportingStore
{
    /// <summary>The name of the second cluster's client, registered with AddSecureMongoClient(name, section).</summary>
    public const string ClientName = "Reporting";

    private readonly IMongoDatabase _database;

    // A second cluster: its own client, built from the Reporting section only and validated at start-up.
    public ReportingStore([FromKeyedServices(ClientName)] IMongoDatabase database)
    {
        _database = database;
    }

    public string Name => _database.DatabaseNamespace.DatabaseName;
}
