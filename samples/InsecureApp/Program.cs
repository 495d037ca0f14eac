using InsecureApp;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddSingleton<IMongoClient>(_ => MongoClientFactory.CreateOrdersClient());
builder.Services.AddSingleton<OrderRepository>();
builder.Services.AddSingleton(_ => ReportingStore.Connect());

using var host = builder.Build();

var orders = host.Services.GetRequiredService<OrderRepository>();
Console.WriteLine($"Orders collection: {orders.CollectionName}");
