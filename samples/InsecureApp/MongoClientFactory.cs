using MongoDB.Driver;

namespace InsecureApp;

public static class MongoClientFactory
{
    // "Temporary" until the vault integration lands.
    private const string OrdersConnectionString =
        "mongodb://orders_svc:Xk9mQ2vT7@mongo-prod-01.internal.example.com:27017,mongo-prod-02.internal.example.com:27017/orders?replicaSet=rs0&authSource=admin"; // expect: MTA001

    public static IMongoClient CreateOrdersClient()
    {
        var settings = MongoClientSettings.FromConnectionString(OrdersConnectionString);
        settings.ApplicationName = "orders-service";
        // Fail fast instead of hanging while the primary is down.
        settings.ServerSelectionTimeout = TimeSpan.FromSeconds(3); // expect: MTA007
        settings.SocketTimeout = TimeSpan.FromSeconds(30000); // expect: MTA008
        // "Be patient during maintenance": with the cluster down, every request now hangs for ten minutes.
        settings.WaitQueueTimeout = TimeSpan.FromMinutes(10); // expect: MTA007
        return new MongoClient(settings);
    }

    public static IMongoClient CreateBackupClient()
    {
        var settings = MongoClientSettings.FromConnectionString("mongodb://mongo-backup.internal.example.com:27017"); // expect: MTA002
        settings.Credential = MongoCredential.CreateCredential("admin", "backup", "B4ckupNightly"); // expect: MTA001
        return new MongoClient(settings);
    }

    public static IMongoClient CreateLocalClient() =>
        // Loopback with a throwaway password: not reported.
        new MongoClient("mongodb://dev:dev-password@localhost:27017");
}
