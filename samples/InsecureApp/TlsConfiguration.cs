using System.Security.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;

namespace InsecureApp;

public static class TlsConfiguration
{
    // Added during the certificate incident of March; never removed.
    public static MongoClientSettings Apply(MongoClientSettings settings, IConfiguration configuration, IHostEnvironment environment)
    {
        // The staging cluster uses a self-signed certificate.
        settings.AllowInsecureTls = true; // expect: MTA003

#pragma warning disable SYSLIB0039 // TLS 1.1 is obsolete: that is what MTA010 reports.
        settings.SslSettings = new SslSettings
        {
            EnabledSslProtocols = SslProtocols.Tls11 | SslProtocols.Tls12, // expect: MTA010
            ServerCertificateValidationCallback = (sender, certificate, chain, errors) => true, // expect: MTA003
        };
#pragma warning restore SYSLIB0039

        if (configuration.GetValue<bool>("Mongo:SkipCertificateValidation"))
        {
            settings.AllowInsecureTls = true; // expect: MTA004
        }

        if (environment.IsDevelopment())
        {
            // Guarded: only a developer's machine ever runs this.
            settings.AllowInsecureTls = true;
        }

        return settings;
    }

    // A switch for the on-call engineer, set from an admin endpoint; nothing ties it to Development.
    public static bool TrustAnyCertificate { get; set; }

    public static MongoClientSettings ForOnCall(MongoClientSettings settings)
    {
        settings.AllowInsecureTls = TrustAnyCertificate; // expect: MTA004
        return settings;
    }

    public static IMongoClient Legacy() =>
        new MongoClient("mongodb://legacy-db.internal.example.com:27017/?tlsInsecure=true"); // expect: MTA002, MTA009

    public static IMongoClient Reports() =>
        new MongoClient("mongodb://reports-db.internal.example.com:27017/?ssl=false"); // expect: MTA002, MTA009
}
