namespace MongoTlsAnalyzers.Benchmarks.CodeBase
{
    /// <summary>
    /// Data-access files on MongoDB.Driver: a BSON document type and its repository over
    /// <c>IMongoCollection&lt;T&gt;</c> (filters, updates, sorting, indexes, bulk writes, LINQ). Quiet code:
    /// lots of string literals (field and collection names) and calls that the rules must reject cheaply.
    /// </summary>
    internal static class MongoTemplates
    {
        public static void Repository(CodeWriter w, ModuleState m, string name)
        {
            var document = name + "Document";
            var collection = m.Lower + "_" + name.ToLowerInvariant();
            w.Block($$"""
                using MongoDB.Bson;
                using MongoDB.Bson.Serialization.Attributes;
                using MongoDB.Driver;

                namespace {{m.Namespace}}.Data;

                /// <summary>The stored shape of a {{name}} record.</summary>
                public sealed class {{document}}
                {
                    [BsonId]
                    [BsonRepresentation(BsonType.ObjectId)]
                    public string Id { get; set; } = string.Empty;

                    [BsonElement("name")]
                    public string Name { get; set; } = string.Empty;

                    [BsonElement("amount")]
                    public decimal Amount { get; set; }

                    [BsonElement("status")]
                    public string Status { get; set; } = "draft";

                    [BsonElement("createdAt")]
                    public DateTime CreatedAt { get; set; }

                    [BsonElement("updatedAt")]
                    [BsonIgnoreIfNull]
                    public DateTime? UpdatedAt { get; set; }

                    [BsonElement("tags")]
                    public List<string> Tags { get; set; } = new List<string>();

                    [BsonExtraElements]
                    public BsonDocument? Extra { get; set; }
                }

                /// <summary>Reads and writes {{document}} in the '{{collection}}' collection.</summary>
                public sealed class {{name}}
                {
                    private const string CollectionName = "{{collection}}";
                    private readonly IMongoCollection<{{document}}> _collection;

                    public {{name}}(IMongoDatabase database)
                    {
                        _collection = database.GetCollection<{{document}}>(CollectionName);
                    }

                    public string Collection => _collection.CollectionNamespace.CollectionName;

                    public async Task<{{document}}?> FindByIdAsync(string id, CancellationToken cancellationToken)
                    {
                        var filter = Builders<{{document}}>.Filter.Eq(x => x.Id, id);
                        return await _collection.Find(filter).FirstOrDefaultAsync(cancellationToken);
                    }

                    public Task<List<{{document}}>> ListByStatusAsync(string status, int skip, int limit, CancellationToken cancellationToken)
                    {
                        var filter = Builders<{{document}}>.Filter.Eq("status", status);
                        return _collection.Find(filter)
                            .SortByDescending(x => x.CreatedAt)
                            .Skip(skip)
                            .Limit(limit)
                            .ToListAsync(cancellationToken);
                    }

                    public Task<List<{{document}}>> SearchAsync(string text, decimal minimumAmount, CancellationToken cancellationToken)
                    {
                        var builder = Builders<{{document}}>.Filter;
                        var filter = builder.And(
                            builder.Regex(x => x.Name, new BsonRegularExpression("^" + text, "i")),
                            builder.Gte(x => x.Amount, minimumAmount),
                            builder.AnyEq(x => x.Tags, "{{m.Lower}}"));
                        return _collection.Find(filter).Limit({{w.Between(10, 200)}}).ToListAsync(cancellationToken);
                    }

                    public Task InsertAsync({{document}} document, CancellationToken cancellationToken)
                    {
                        document.CreatedAt = DateTime.UtcNow;
                        return _collection.InsertOneAsync(document, cancellationToken: cancellationToken);
                    }

                    public async Task<bool> RenameAsync(string id, string name, CancellationToken cancellationToken)
                    {
                        var filter = Builders<{{document}}>.Filter.Eq(x => x.Id, id);
                        var update = Builders<{{document}}>.Update
                            .Set(x => x.Name, name)
                            .CurrentDate(x => x.UpdatedAt);
                        var result = await _collection.UpdateOneAsync(filter, update, cancellationToken: cancellationToken);
                        return result.ModifiedCount > 0;
                    }

                    public async Task<long> ArchiveOlderThanAsync(DateTime cutoff, CancellationToken cancellationToken)
                    {
                        var filter = Builders<{{document}}>.Filter.Lt(x => x.CreatedAt, cutoff) & Builders<{{document}}>.Filter.Ne("status", "archived");
                        var update = Builders<{{document}}>.Update.Set("status", "archived").AddToSet(x => x.Tags, "archived");
                        var result = await _collection.UpdateManyAsync(filter, update, cancellationToken: cancellationToken);
                        return result.ModifiedCount;
                    }

                    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
                    {
                        var result = await _collection.DeleteOneAsync(x => x.Id == id, cancellationToken);
                        return result.DeletedCount == 1;
                    }

                    public Task<long> CountActiveAsync(CancellationToken cancellationToken) =>
                        _collection.CountDocumentsAsync(Builders<{{document}}>.Filter.Eq("status", "active"), cancellationToken: cancellationToken);

                    public async Task EnsureIndexesAsync(CancellationToken cancellationToken)
                    {
                        var keys = Builders<{{document}}>.IndexKeys.Ascending(x => x.Status).Descending(x => x.CreatedAt);
                        var model = new CreateIndexModel<{{document}}>(keys, new CreateIndexOptions { Name = "status_createdAt", Background = true });
                        await _collection.Indexes.CreateOneAsync(model, cancellationToken: cancellationToken);
                        var text = new CreateIndexModel<{{document}}>(Builders<{{document}}>.IndexKeys.Text(x => x.Name));
                        await _collection.Indexes.CreateOneAsync(text, cancellationToken: cancellationToken);
                    }

                    public Task<BulkWriteResult<{{document}}>> UpsertManyAsync(IEnumerable<{{document}}> documents, CancellationToken cancellationToken)
                    {
                        var models = documents
                            .Select(d => (WriteModel<{{document}}>)new ReplaceOneModel<{{document}}>(Builders<{{document}}>.Filter.Eq(x => x.Id, d.Id), d) { IsUpsert = true })
                            .ToList();
                        return _collection.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
                    }

                    public List<string> NamesAbove(decimal amount) =>
                        _collection.AsQueryable()
                            .Where(x => x.Amount > amount && x.Status != "archived")
                            .OrderBy(x => x.Name)
                            .Select(x => x.Name)
                            .Take({{w.Between(10, 500)}})
                            .ToList();

                    public async Task<Dictionary<string, decimal>> TotalsByStatusAsync(CancellationToken cancellationToken)
                    {
                        var groups = await _collection.Aggregate()
                            .Match(Builders<{{document}}>.Filter.Gt(x => x.Amount, 0m))
                            .Group(x => x.Status, g => new { Status = g.Key, Total = g.Sum(x => x.Amount) })
                            .ToListAsync(cancellationToken);
                        return groups.ToDictionary(g => g.Status, g => g.Total);
                    }

                    public async Task<List<{{document}}>> PageAsync(int page, CancellationToken cancellationToken)
                    {
                        var options = new FindOptions<{{document}}> { Limit = {{m.KeysClass}}.PageSize, Skip = page * {{m.KeysClass}}.PageSize, Sort = Builders<{{document}}>.Sort.Ascending("name") };
                        using var cursor = await _collection.FindAsync(FilterDefinition<{{document}}>.Empty, options, cancellationToken);
                        return await cursor.ToListAsync(cancellationToken);
                    }
                }
                """);
        }
    }
}
