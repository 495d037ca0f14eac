using MongoDB.Bson;
using MongoDB.Driver;

namespace InsecureApp;

public sealed class OrderRepository
{
    private readonly IMongoCollection<BsonDocument> _orders;

    public OrderRepository(IMongoClient client)
    {
        _orders = client.GetDatabase("orders").GetCollection<BsonDocument>("orders");
    }

    public string CollectionName => _orders.CollectionNamespace.CollectionName;

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        _orders.CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: cancellationToken);
}
