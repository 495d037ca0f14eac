using MongoDB.Bson;
using MongoDB.Driver;

namespace SecureApp;

public sealed class OrderRepository
{
    private readonly IMongoCollection<BsonDocument> _orders;

    // The database comes from the connection string (or MongoDB:DatabaseName): nothing is hard-coded here.
    public OrderRepository(IMongoDatabase database)
    {
        _orders = database.GetCollection<BsonDocument>("orders");
    }

    public string CollectionName => _orders.CollectionNamespace.CollectionName;

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        _orders.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
}
