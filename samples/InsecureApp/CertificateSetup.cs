using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using MongoDB.Driver;

namespace InsecureApp;

public static class CertificateSetup
{
    // Three attempts at trusting the corporate CA, none of which works with the .NET driver.
    public static MongoClient WithCaFileOption() =>
        new MongoClient("mongodb://orders-db.internal.example.com:27017/?tls=true&tlsCAFile=/etc/ssl/corp-root-ca.pem"); // expect: MTA002, MTA006

    public static MongoClientSettings WithCaAsClientCertificate(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings
        {
#pragma warning disable SYSLIB0057 // Loading a certificate from a file is obsolete in .NET 9; the point here is what MTA006 reports.
            ClientCertificates = new[] { new X509Certificate2("/etc/ssl/corp-root-ca.crt") }, // expect: MTA006
#pragma warning restore SYSLIB0057
        };
        return settings;
    }

    public static MongoClientSettings WithLenientCallback(MongoClientSettings settings)
    {
        settings.SslSettings = new SslSettings
        {
            // "The chain error is just our private CA."
            ServerCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None || errors == SslPolicyErrors.RemoteCertificateChainErrors, // expect: MTA006
        };
        return settings;
    }
}
