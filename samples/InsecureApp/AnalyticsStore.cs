using MongoDB.Driver;

namespace InsecureApp;

public static class AnalyticsStore
{
    // Copied from the Python service's settings, which "worked there".
    private const string Uri =
        "mongodb://analytics.internal.example.com:27017/events?tls=true&tlsAllowInvalidHostnames=true&connectTimeout=10000&serverSelectionTimeoutMS=2000"; // expect: MTA002, MTA005, MTA007, MTA008

    public static IMongoDatabase Connect() => new MongoClient(Uri).GetDatabase("events");
}
