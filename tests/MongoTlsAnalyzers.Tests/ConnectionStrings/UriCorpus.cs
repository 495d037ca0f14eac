using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// Connection strings for the differential test: a hand-written list of tricky cases and a seeded
    /// generator that mixes casing, percent-encoding, every timeout form, repeated and conflicting keys,
    /// unknown and misspelled names, IPv6, several hosts and empty values.
    /// </summary>
    public static partial class UriCorpus
    {
        public static IReadOnlyList<string> HandWritten { get; } = new[]
        {
            // Shapes and schemes
            "mongodb://localhost",
            "mongodb://localhost/",
            "mongodb://localhost:27017",
            "mongodb://localhost:27017/",
            "mongodb://localhost:27017/db",
            "mongodb://localhost:27017/db/",
            "mongodb://localhost/db?",
            "mongodb://localhost/?",
            "mongodb://localhost?tls=true",
            "mongodb://localhost/?tls=true",
            "mongodb://localhost/db?tls=true",
            "mongodb://localhost//",
            "mongodb://",
            "mongodb:///db",
            "mongodb+srv://cluster0.example.net",
            "mongodb+srv://cluster0.example.net/",
            "mongodb+srv://cluster0.example.net/app?retryWrites=true&w=majority",
            "mongodb+srv://cluster0.example.net:27017",
            "mongodb+srv://a.example.net,b.example.net",
            "mongodb+srv://cluster0.example.net/?tls=false",
            "mongodb+srv://cluster0.example.net/?ssl=false",
            "mongodb+srv://cluster0.example.net/?directConnection=true",
            "mongodb+srv://cluster0.example.net/?srvMaxHosts=2",
            "mongodb+srv://cluster0.example.net/?srvServiceName=custom",
            "mongodb://h/?srvServiceName=custom",
            "mongodb://h/?srvMaxHosts=2",
            "mongodb://h/?srvMaxHosts=-1",
            "mongodb://h/?srvMaxHosts=0",

            // User info
            "mongodb://user:pass@localhost",
            "mongodb://user@localhost",
            "mongodb://user:@localhost",
            "mongodb://:pass@localhost",
            "mongodb://us%40er:p%40ss@localhost",
            "mongodb://user:p%3Ass@localhost",
            "mongodb://user:p:ss@localhost",
            "mongodb://user:p@ss@localhost",
            "mongodb://user:p/ss@localhost",
            "mongodb://user:p?ss@localhost",
            "mongodb://user:p%zzss@localhost",
            "mongodb://user:p%2@localhost",
            "mongodb://user:p%@localhost",
            "mongodb://admin:S3cr3t!@db.example.com:27017/app?authSource=admin",
            "mongodb://user:pass@localhost,[::1]:27018/?replicaSet=rs0",
            "mongodb://user:pass@",

            // Hosts
            "mongodb://127.0.0.1",
            "mongodb://127.1",
            "mongodb://10.0.0.5:27018",
            "mongodb://[::1]",
            "mongodb://[::1]:27017",
            "mongodb://[::1]:0",
            "mongodb://[::1]x",
            "mongodb://[fe80::1%25eth0]:27017",
            "mongodb://[abc]",
            "mongodb://[]",
            "mongodb://[",
            "mongodb://host:0",
            "mongodb://host:65535",
            "mongodb://host:65536",
            "mongodb://host:99999999999",
            "mongodb://host:",
            "mongodb://host:abc",
            "mongodb://a,b,c",
            "mongodb://a:1,b:2,c:3/db",
            "mongodb://a,,b",
            "mongodb://a,",
            "mongodb://a#b",
            "mongodb://%2Ftmp%2Fmongodb-27017.sock",
            "mongodb://%2Ftmp%2Fmongodb-27017.sock/db",
            "mongodb://HOST.Example.COM",
            "mongodb://a,b/?directConnection=true",
            "mongodb://a/?directConnection=true",
            "mongodb://a,b/?loadBalanced=true",
            "mongodb://a/?loadBalanced=true&replicaSet=rs",
            "mongodb://a/?loadBalanced=true",

            // Options: grammar
            "mongodb://h/?tls=true&",
            "mongodb://h/?&tls=true",
            "mongodb://h/?tls=true&&ssl=true",
            "mongodb://h/?tls=true;ssl=true",
            "mongodb://h/?tls",
            "mongodb://h/?tls=",
            "mongodb://h/?=true",
            "mongodb://h/?tls==true",
            "mongodb://h/?tls=true=false",
            "mongodb://h/?a=b=c",
            "mongodb://h/?appName=my/app",
            "mongodb://h/?appName=a?b",
            "mongodb://h/db?appName=x#y",
            "mongodb://h/? tls = true ",
            "mongodb://h/?tls=%20true",
            "mongodb://h/?tls=true\n",
            "mongodb://h/db/\n",

            // Booleans and TLS
            "mongodb://h/?tls=TRUE",
            "mongodb://h/?TLS=true",
            "mongodb://h/?tls=yes",
            "mongodb://h/?tls=1",
            "mongodb://h/?ssl=true",
            "mongodb://h/?tls=true&ssl=true",
            "mongodb://h/?tls=true&ssl=false",
            "mongodb://h/?tls=false&tls=false",
            "mongodb://h/?tlsInsecure=true",
            "mongodb://h/?tls=true&tlsInsecure=true",
            "mongodb://h/?tlsInsecure=true&tlsInsecure=false",
            "mongodb://h/?sslVerifyCertificate=false",
            "mongodb://h/?sslVerifyCertificate=false&tlsInsecure=true",
            "mongodb://h/?sslVerifyCertificate=true&tlsInsecure=true",
            "mongodb://h/?tlsInsecure=true&tlsDisableCertificateRevocationCheck=true",
            "mongodb://h/?tlsInsecure=false&tlsDisableCertificateRevocationCheck=false",
            "mongodb://h/?tlsDisableCertificateRevocationCheck=true",
            "mongodb://h/?tlsAllowInvalidCertificates=true",
            "mongodb://h/?tlsAllowInvalidHostnames=true",
            "mongodb://h/?tlsCAFile=/etc/ssl/ca.pem",
            "mongodb://h/?tlsCertificateKeyFile=client.pem&tlsCertificateKeyFilePassword=x",
            "mongodb://h/?tlsDisableOCSPEndpointCheck=true",

            // Timeouts
            "mongodb://h/?connectTimeoutMS=5000",
            "mongodb://h/?connectTimeout=5",
            "mongodb://h/?connectTimeout=5s",
            "mongodb://h/?connectTimeout=5000ms",
            "mongodb://h/?connectTimeout=2m",
            "mongodb://h/?connectTimeout=1h",
            "mongodb://h/?connectTimeout=00:00:05",
            "mongodb://h/?connectTimeout=1.5",
            "mongodb://h/?connectTimeout=30000",
            "mongodb://h/?connectTimeoutMS=0",
            "mongodb://h/?connectTimeoutMS=-1",
            "mongodb://h/?connectTimeoutMS=abc",
            "mongodb://h/?connectTimeoutMS=5s",
            "mongodb://h/?connectTimeoutMS=1e3",
            "mongodb://h/?connectTimeoutMS=1,000",
            "mongodb://h/?connectTimeout=",
            "mongodb://h/?connectTimeout= ",
            "mongodb://h/?connectTimeout=5x",
            "mongodb://h/?connectTimeout=5MS",
            "mongodb://h/?CONNECTTIMEOUTMS=5000",
            "mongodb://h/?serverSelectionTimeoutMS=500",
            "mongodb://h/?serverSelectionTimeout=0:0:1",
            "mongodb://h/?socketTimeoutMS=0",
            "mongodb://h/?waitQueueTimeoutMS=100",
            "mongodb://h/?heartbeatFrequencyMS=100",
            "mongodb://h/?heartbeatInterval=2s",
            "mongodb://h/?maxStalenessSeconds=-1",
            "mongodb://h/?maxStalenessSeconds=90",
            "mongodb://h/?wtimeoutMS=-5",
            "mongodb://h/?wtimeout=5",
            "mongodb://h/?maxIdleTimeMS=60000&maxLifeTimeMS=1000",
            "mongodb://h/?localThresholdMS=15",
            "mongodb://h/?timeoutMS=1000",
            "mongodb://h/?connectTimeoutMS=1000&connectTimeoutMS=2000",
            "mongodb://h/?connectTimeout=99999999999999999999",

            // Unknown and misspelled names
            "mongodb://h/?connectionTimeout=5000",
            "mongodb://h/?ssl_ca_certs=/ca.pem",
            "mongodb://h/?net.ssl.CAFile=/ca.pem",
            "mongodb://h/?sslCAFile=/ca.pem",
            "mongodb://h/?foo=bar&FOO=baz",
            "mongodb://h/?connect=direct",
            "mongodb://h/?connect=shardRouter",
            "mongodb://h/?connect=direct&directConnection=false",
            "mongodb://h/?uuidRepresentation=standard",
            "mongodb://h/?guids=csharpLegacy",
            "mongodb://h/?proxyHost=p&proxyPort=1080",
            "mongodb://h/?proxyPort=1080",
            "mongodb://h/?proxyHost=p&proxyUsername=u",
            "mongodb://h/?proxyHost=p&proxyUsername=u&proxyPassword=x",
            "mongodb://h/?compressors=zlib,snappy",
            "mongodb://h/?compressors=zlib,lz4",
            "mongodb://h/?zlibCompressionLevel=5&zlibCompressionLevel=6",

            // Other values
            "mongodb://h/?w=majority",
            "mongodb://h/?w=-1",
            "mongodb://h/?w=0&journal=true",
            "mongodb://h/?w=0&j=false",
            "mongodb://h/?safe=false&journal=true",
            "mongodb://h/?readPreference=secondaryPreferred",
            "mongodb://h/?readPreference=SECONDARY",
            "mongodb://h/?readPreference=bogus",
            "mongodb://h/?readPreference=7",
            "mongodb://h/?readPreference=primary,secondary",
            "mongodb://h/?readPreferenceTags=dc:ny,rack:1",
            "mongodb://h/?readPreferenceTags=dc",
            "mongodb://h/?readConcernLevel=majority",
            "mongodb://h/?maxPoolSize=10&minPoolSize=20",
            "mongodb://h/?maxPoolSize=abc",
            "mongodb://h/?waitQueueMultiple=1.5",
            "mongodb://h/?authMechanism=SCRAM-SHA-256&authSource=admin",
            "mongodb://h/?authMechanismProperties=SERVICE_NAME:mongodb,CANONICALIZE_HOST_NAME:true",
            "mongodb://h/?authMechanismProperties=bad",
            "mongodb://h/?gssapiServiceName=x&authMechanismProperties=SERVICE_NAME:y",
            "mongodb://h/?appName=" + new string('a', 128),
            "mongodb://h/?appName=" + new string('a', 129),
            "mongodb://h/?serverMonitoringMode=poll",
            "mongodb://h/?retryWrites=maybe",
            "mongodb://h/?enableOverloadRetargeting=true",
            "mongodb://h/?enableOverloadRetargeting=invalid",
            "mongodb://h/?maxAdaptiveRetries=3",
            "mongodb://h/?maxAdaptiveRetries=-5",
        };

        public static IEnumerable<string> Generated(int count, int seed)
        {
            var random = new Random(seed);
            for (var i = 0; i < count; i++)
            {
                yield return Generate(random);
            }
        }

        private static readonly string[] HostPool =
        {
            "localhost", "127.0.0.1", "db.example.com", "DB.Example.COM", "10.1.2.3", "[::1]", "[2001:db8::7]", "mongo-0.svc", "%2Ftmp%2Fm.sock", "127.0.0.2",
        };

        private static readonly string[] TimeoutNames =
        {
            "connectTimeout", "serverSelectionTimeout", "socketTimeout", "waitQueueTimeout", "heartbeatFrequency", "heartbeatInterval",
            "heartbeatTimeout", "maxIdleTime", "maxLifeTime", "localThreshold", "wtimeout",
        };

        private static readonly string[] TimeoutValues =
        {
            "0", "1", "5", "12", "30", "1000", "30000", "1.5", "-1", "5s", "500ms", "2m", "1h", "00:00:05", "0:1:0", "1.00:00:00", "", "abc", "5x", "1e2", "10S", "10MS",
        };

        private static readonly string[] UnknownNames =
        {
            "tlsAllowInvalidCertificates", "tlsAllowInvalidHostnames", "tlsCAFile", "tlsCertificateKeyFile", "tlsCertificateKeyFilePassword",
            "tlsDisableOCSPEndpointCheck", "timeoutMS", "connectionTimeout", "ssl_ca_certs", "net.ssl.CAFile", "sslCAFile", "connectTimeoutSeconds",
            "serverSelectionTimeoutMs2", "replSet", "maxPoolSizeX",
        };

        private static string Generate(Random random)
        {
            var builder = new StringBuilder();
            var srv = random.Next(6) == 0;
            builder.Append(srv ? "mongodb+srv://" : "mongodb://");

            switch (random.Next(6))
            {
                case 0:
                    builder.Append("user@");
                    break;
                case 1:
                    builder.Append("admin:").Append(Pick(random, "S3cret", "p%40ss", "", "<password>", "pa%2", "x%3Ay")).Append('@');
                    break;
                case 2:
                    builder.Append("app%2Duser:hunter2@");
                    break;
            }

            var hostCount = srv ? (random.Next(8) == 0 ? 2 : 1) : 1 + random.Next(3);
            for (var i = 0; i < hostCount; i++)
            {
                if (i > 0)
                {
                    builder.Append(',');
                }

                builder.Append(Pick(random, HostPool));
                if (random.Next(4) == 0)
                {
                    builder.Append(':').Append(Pick(random, "27017", "27018", "0", "65536", "1"));
                }
            }

            switch (random.Next(4))
            {
                case 0:
                    break;
                case 1:
                    builder.Append('/');
                    break;
                default:
                    builder.Append('/').Append(Pick(random, "app", "admin", "my%20db"));
                    break;
            }

            var optionCount = random.Next(5);
            if (optionCount > 0)
            {
                if (builder[builder.Length - 1] != '/' && random.Next(3) > 0)
                {
                    builder.Append('/');
                }

                builder.Append('?');
                for (var i = 0; i < optionCount; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(random.Next(5) == 0 ? ';' : '&');
                    }

                    builder.Append(GenerateOption(random));
                }
            }

            return builder.ToString();
        }

        private static string GenerateOption(Random random)
        {
            switch (random.Next(8))
            {
                case 0:
                case 1:
                    var name = Pick(random, TimeoutNames) + (random.Next(2) == 0 ? "MS" : string.Empty);
                    return RandomCase(random, name) + "=" + Pick(random, TimeoutValues);
                case 2:
                    return RandomCase(random, Pick(random, "tls", "ssl", "tlsInsecure", "sslVerifyCertificate", "tlsDisableCertificateRevocationCheck", "retryWrites", "directConnection"))
                        + "=" + Pick(random, "true", "false", "TRUE", "False", "yes", "", "%74rue");
                case 3:
                    return RandomCase(random, Pick(random, UnknownNames)) + "=" + Pick(random, "true", "/etc/ca.pem", "5000", "");
                case 4:
                    return Pick(random, "replicaSet=rs0", "authSource=admin", "appName=svc", "w=majority", "w=1", "readPreference=secondary", "maxPoolSize=50", "minPoolSize=5", "journal=true", "loadBalanced=false");
                case 5:
                    return Pick(random, "tls=true&ssl=false", "tlsInsecure=true&tlsInsecure=false", "connectTimeoutMS=100&connectTimeoutMS=200", "tls=false&tls=false");
                case 6:
                    return Pick(random, "compressors=zlib", "compressors=lz4", "readPreferenceTags=dc:ny", "maxStalenessSeconds=-1", "connect=direct", "uuidRepresentation=standard", "proxyHost=proxy");
                default:
                    return Pick(random, "a=b", "x=", "=y", "broken", "k=v=w", "name=%20", "name=%zz");
            }
        }

        private static string RandomCase(Random random, string text)
        {
            switch (random.Next(4))
            {
                case 0:
                    return text.ToUpperInvariant();
                case 1:
                    return text.ToLowerInvariant();
                default:
                    return text;
            }
        }

        private static T Pick<T>(Random random, params T[] items) => items[random.Next(items.Length)];
    }
}
