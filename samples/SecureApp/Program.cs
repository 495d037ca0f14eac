using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoTlsAnalyzers.Settings;
using SecureApp;

var builder = Host.CreateApplicationBuilder(args);

// One line instead of a hand-built MongoClientSettings: TLS validated against the corporate CA, insecure TLS
// possible only in Development, timeouts checked, and every configuration problem reported at start-up.
// The password comes from user secrets or the environment (MongoDB__Password), never from source.
builder.Services.AddSecureMongoClient(builder.Configuration.GetSection(SecureMongoOptions.DefaultSectionName));

// The reporting cluster: a named client from its own section, injected as [FromKeyedServices("Reporting")].
builder.Services.AddSecureMongoClient(ReportingStore.ClientName, builder.Configuration.GetSection("Reporting"));
builder.Services.AddSingleton<OrderRepository>();
builder.Services.AddSingleton<ReportingStore>();

using var host = builder.Build();

// Starting the host validates both clients' settings; a problem stops the application here, listed in full.
await host.StartAsync();
var orders = host.Services.GetRequiredService<OrderRepository>();
var reporting = host.Services.GetRequiredService<ReportingStore>();
Console.WriteLine($"Orders collection: {orders.CollectionName}; reporting database: {reporting.Name}");
await host.StopAsync();
