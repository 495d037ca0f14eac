using MongoDB.Driver;

namespace InsecureApp;

public sealed class ReportingStore
{
    private readonly IMongoDatabase _database;

    private ReportingStore(IMongoDatabase database)
    {
        _database = database;
    }

    public static ReportingStore Connect()
    {
        // The Atlas UI's connection string, pasted as-is.
        var password = Environment.GetEnvironmentVariable("REPORTING_PASSWORD") ?? "R3port!ng2024"; // expect: MTA001
        var client = new MongoClient($"mongodb+srv://reporting:{password}@reporting.ab1cd.mongodb.net/?retryWrites=true&w=majority");
        return new ReportingStore(client.GetDatabase("reporting"));
    }

    public string Name => _database.DatabaseNamespace.DatabaseName;
}
