using System.Text;
using MongoDB.Driver;

namespace InsecureApp;

public static class AuditStore
{
    // The audit cluster's URI is assembled piece by piece. The "temporary" switch that got it past a handshake failure
    // is one append among many, where no one reads it as part of a connection string.
    public static IMongoDatabase Connect(string host)
    {
        var uri = new StringBuilder("mongodb://");
        uri.Append(host).Append(":27017/audit?tls=true");
        uri.Append("&tlsInsecure=true"); // expect: MTA003
        uri.Append("&appName=audit");
        return new MongoClient(uri.ToString()).GetDatabase("audit");
    }
}
