using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoTlsAnalyzers.Settings;
using SecureApp;

var builder = Host.CreateApplicationBuilder(args);

// One line instead of a hand-built MongoClientSettings: TLS validated against the corporate CA, insecure TLS
// possible only in Development, timeouts checked, and every configuration problem reported at start-up.
// The password comes from user secrets or the environment (MongoDB__ConnectionString), never from source.
builder.Services.AddSecureMongoClient(builder.Configuration.GetSection(SecureMongoOptions.DefaultSectionName));
builder.Services.AddSingleton<OrderRepository>();
builder.Services.AddSingleton(provider => ReportingStore.Connect(builder.Configuration.GetSection("Reporting"), builder.Environment));

using var host = builder.Build();

var orders = host.Services.GetRequiredService<OrderRepository>();
Console.WriteLine($"Orders collection: {orders.CollectionName}");
