using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MongoTlsAnalyzers.Settings.Tests.Peers;

namespace MongoTlsAnalyzers.Settings.Tests.HealthChecks
{
    /// <summary>AddSecureMongo in a real ASP.NET Core app on Kestrel, /health answering JSON, against the Node.js MongoDB mock.</summary>
    [Collection(RealTlsCollection.Name)]
    public sealed class HealthCheckTests
    {
        private readonly TestCertificates _certificates;

        public HealthCheckTests(TestCertificates certificates)
        {
            _certificates = certificates;
        }

        [Fact]
        public async Task AReachableServerWithAValidCertificateIsHealthyWithTlsDetails()
        {
            using var mongo = MockMongoServer.Start(_certificates.Server);
            var (status, json) = await Health(mongo.Port, windowDays: 14);
            Assert.Equal(HttpStatusCode.OK, status);
            var entry = json.GetProperty("entries").GetProperty("mongodb");
            Assert.Equal("Healthy", entry.GetProperty("status").GetString());
            var data = entry.GetProperty("data");
            Assert.Equal("Tls13", data.GetProperty("tlsProtocol").GetString());
            Assert.Equal("CN=localhost", data.GetProperty("certificateSubject").GetString());
            Assert.Equal("CN=MongoTlsAnalyzers Test Root CA", data.GetProperty("certificateIssuer").GetString());
            Assert.InRange(data.GetProperty("certificateDaysLeft").GetInt32(), 28, 30);
            Assert.True(data.GetProperty("tlsHandshakeMs").GetDouble() >= 0);
        }

        [Fact]
        public async Task ACertificateExpiringWithinTheWindowIsDegraded()
        {
            using var mongo = MockMongoServer.Start(_certificates.Server);
            var (status, json) = await Health(mongo.Port, windowDays: 60);
            Assert.Equal(HttpStatusCode.OK, status);
            var entry = json.GetProperty("entries").GetProperty("mongodb");
            Assert.Equal("Degraded", entry.GetProperty("status").GetString());
            Assert.StartsWith($"The certificate of localhost:{mongo.Port} ('CN=localhost') expires on ", entry.GetProperty("description").GetString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task AnExpiredCertificateIsUnhealthyWithTheExplanation()
        {
            using var mongo = MockMongoServer.Start(_certificates.Expired);
            var (status, json) = await Health(mongo.Port, windowDays: 14);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            var entry = json.GetProperty("entries").GetProperty("mongodb");
            Assert.Equal("Unhealthy", entry.GetProperty("status").GetString());
            var description = entry.GetProperty("description").GetString()!;
            Assert.True(description.StartsWith("The server certificate 'CN=localhost' expired on ", StringComparison.Ordinal), description);
            Assert.Equal("expired", entry.GetProperty("data").GetProperty("failureCode").GetString());
        }

        private async Task<(HttpStatusCode Status, JsonElement Json)> Health(int mongoPort, int windowDays)
        {
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MongoDB:ConnectionString"] = $"mongodb://app@localhost:{mongoPort}/orders?tls=true",
                ["MongoDB:Password"] = "Hunter2-Passw0rd",
                ["MongoDB:Tls:CaCertificatePath"] = _certificates.CaPemPath,
            });
            builder.Services.AddSecureMongoClient(builder.Configuration.GetSection("MongoDB"));
            builder.Services.AddHealthChecks().AddSecureMongo(configure: o => o.CertificateExpiryWindow = TimeSpan.FromDays(windowDays));
            await using var app = builder.Build();
            app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJson });
            await app.StartAsync();
            try
            {
                var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
                using var response = await http.GetAsync(address + "/health");
                var body = await response.Content.ReadAsStringAsync();
                Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
                Assert.DoesNotContain("Hunter2-Passw0rd", body, StringComparison.Ordinal);
                return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
            }
            finally
            {
                await app.StopAsync();
            }
        }

        /// <summary>The JSON an application would write for /health: status, and each entry's status, description and data.</summary>
        private static Task WriteJson(HttpContext context, HealthReport report)
        {
            context.Response.ContentType = "application/json";
            var body = new
            {
                status = report.Status.ToString(),
                entries = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
            };
            return context.Response.WriteAsync(JsonSerializer.Serialize(body));
        }
    }
}
