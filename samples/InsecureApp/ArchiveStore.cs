using MongoDB.Driver;

namespace InsecureApp;

public static class ArchiveStore
{
    public static IMongoDatabase Connect()
    {
        // The password was rotated to one with an '@' in it, pasted unencoded: the driver reads the wrong host and the
        // application throws at start-up, in the one environment that uses this string.
        var client = new MongoClient("mongodb://archive:Arch!ve@2024@archive-db.internal.example.com:27017/archive"); // expect: MTA001, MTA011
        return client.GetDatabase("archive");
    }
}
