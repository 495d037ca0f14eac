using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using MongoTlsAnalyzers.Settings;

namespace SecureApp;

public sealed class ReportingStore
{
    private readonly IMongoDatabase _database;

    private ReportingStore(IMongoDatabase database)
    {
        _database = database;
    }

    /// <summary>A second cluster, built from its own configuration section with the same checks.</summary>
    public static ReportingStore Connect(IConfiguration section, IHostEnvironment environment)
    {
        var client = new MongoClient(SecureMongoSettings.FromConfiguration(section, environment));
        return new ReportingStore(client.GetDatabase("reporting"));
    }

    public string Name => _database.DatabaseNamespace.DatabaseName;
}
