using System.Collections.Generic;
using System.Linq;

namespace MongoTlsAnalyzers.Tests.ConnectionStrings
{
    /// <summary>
    /// Generated cases aimed at MTA011 and at the coverage of every compared field: unencoded characters in the user
    /// info, invalid values of known options, conflicting TLS options, mongodb+srv with a port or several hosts,
    /// directConnection with several hosts, ports out of range, every authentication mechanism with and without a
    /// user and password, and each timeout in accepted forms (so that each is compared on at least 20 accepted URIs).
    /// </summary>
    public static partial class UriCorpus
    {
        private static readonly string[] TargetHosts = { "localhost", "db.example.com", "10.0.0.7:27018", "[::1]:27017", "a.example.net,b.example.net:27018" };

        public static IEnumerable<string> Targeted()
        {
            // User info: every reserved character, raw and encoded, in the user name and in the password.
            const string reserved = "@:/?#[]!$&'()*+,;=% ";
            foreach (var c in reserved)
            {
                var raw = c.ToString();
                var encoded = "%" + ((int)c).ToString("X2");
                foreach (var host in TargetHosts)
                {
                    yield return "mongodb://user:pa" + raw + "ss@" + host + "/app";
                    yield return "mongodb://us" + raw + "er:pass@" + host + "/app";
                    yield return "mongodb://user:pa" + encoded + "ss@" + host + "/?authSource=admin";
                    yield return "mongodb://us" + encoded + "er:pass@" + host;
                }

                yield return "mongodb+srv://user:p" + raw + "w@cluster0.example.net/?retryWrites=true";
            }

            yield return "mongodb://user:p@ss:w/rd@db.example.com/app";
            yield return "mongodb://u@ser:p@ss@db.example.com";
            yield return "mongodb://user:p@ss@db.example.com/?appName=me@home";
            yield return "mongodb://user:" + new string('@', 20) + "@db.example.com";

            // Invalid values of known options, and valid ones beside them.
            var invalid = new[]
            {
                "tls=yes", "ssl=1", "tlsInsecure=on", "retryWrites=maybe", "directConnection=0", "journal=no", "connectTimeoutMS=abc",
                "connectTimeout=5x", "serverSelectionTimeoutMS=", "socketTimeoutMS=1e3", "maxPoolSize=abc", "minPoolSize=1.5",
                "maxConnecting=x", "waitQueueMultiple=abc", "readPreference=nearestish", "readConcernLevel=strong", "w=-1", "wtimeoutMS=-1",
                "appName=" + new string('x', 200), "authMechanismProperties=SERVICE_NAME", "readPreferenceTags=dc", "srvMaxHosts=-1",
                "zlibCompressionLevel=z", "serverMonitoringMode=sometimes", "uuidRepresentation=weird", "connect=maybe",
            };
            foreach (var option in invalid)
            {
                yield return "mongodb://db.example.com/?" + option;
                yield return "mongodb://user:pass@localhost:27017/app?tls=true&" + option;
            }

            // TLS conflicts.
            foreach (var a in new[] { "true", "false" })
            {
                foreach (var b in new[] { "true", "false" })
                {
                    yield return "mongodb://db.example.com/?tlsInsecure=" + a + "&tlsDisableCertificateRevocationCheck=" + b;
                    yield return "mongodb://db.example.com/?tls=" + a + "&ssl=" + b;
                    yield return "mongodb://db.example.com/?sslVerifyCertificate=" + a + "&tlsDisableCertificateRevocationCheck=" + b;
                }
            }

            // mongodb+srv with a port or several hosts; directConnection with several hosts; ports.
            foreach (var port in new[] { "0", "1", "27017", "65535", "65536", "99999", "123456789012" })
            {
                yield return "mongodb+srv://cluster0.example.net:" + port + "/app";
                yield return "mongodb://db.example.com:" + port + "/app";
                yield return "mongodb://a.example.com:27017,b.example.com:" + port;
                yield return "mongodb://user:pass@[::1]:" + port;
            }

            yield return "mongodb+srv://a.example.net,b.example.net/app";
            yield return "mongodb+srv://user:pass@a.example.net,b.example.net,c.example.net";
            foreach (var direct in new[] { "true", "false", "TRUE" })
            {
                yield return "mongodb://a.example.com,b.example.com/?directConnection=" + direct;
                yield return "mongodb://a.example.com:27017,b.example.com:27018,c.example.com/app?replicaSet=rs0&directConnection=" + direct;
                yield return "mongodb://a.example.com/?directConnection=" + direct;
            }

            // Authentication mechanisms with and without user and password.
            var mechanisms = new[] { "", "DEFAULT", "SCRAM-SHA-1", "SCRAM-SHA-256", "scram-sha-256", "PLAIN", "MONGODB-X509", "GSSAPI", "MONGODB-AWS", "MONGODB-OIDC", "MONGODB-CR", "KERBEROS" };
            foreach (var mechanism in mechanisms)
            {
                var query = mechanism.Length == 0 ? "/?authSource=admin" : "/?authMechanism=" + mechanism;
                foreach (var user in new[] { "", "user@", "user:@", "user:pass@", "CN%3Dclient%2COU%3Dapps@" })
                {
                    yield return "mongodb://" + user + "db.example.com" + query;
                }
            }

            // Read preference with tags and staleness.
            foreach (var mode in new[] { "", "&readPreference=secondary", "&readPreference=nearest", "&readPreference=primary" })
            {
                yield return "mongodb://db.example.com/?maxStalenessSeconds=120" + mode;
                yield return "mongodb://db.example.com/?readPreferenceTags=dc:ny" + mode;
                yield return "mongodb://db.example.com/?maxStalenessSeconds=-1" + mode;
            }

            // Each timeout, in accepted and refused forms, so that every compared field rests on enough accepted URIs.
            var timeoutNames = new[]
            {
                "connectTimeout", "serverSelectionTimeout", "socketTimeout", "waitQueueTimeout", "heartbeatFrequency", "heartbeatTimeout",
                "maxIdleTime", "maxLifeTime", "localThreshold", "wtimeout",
            };
            var values = new[] { "1", "15", "250", "30000", "0", "-5" };
            foreach (var name in timeoutNames)
            {
                foreach (var value in values)
                {
                    yield return "mongodb://user:pass@db.example.com:27017/app?" + name + "MS=" + value;
                    yield return "mongodb://localhost/?" + name + "=" + value + "s&tlsInsecure=true&tls=true";
                }

                yield return "mongodb://db.example.com,db2.example.com/?" + name + "=00:00:05&tlsInsecure=false";
                yield return "mongodb://user:pass@db.example.com/?" + name + "=2m";
            }

            foreach (var seconds in new[] { "90", "120", "500", "-1", "0", "abc" })
            {
                foreach (var mode in new[] { "secondary", "secondaryPreferred", "nearest", "primaryPreferred" })
                {
                    yield return "mongodb://db.example.com/?readPreference=" + mode + "&maxStalenessSeconds=" + seconds;
                }
            }

            foreach (var insecure in new[] { "tlsInsecure=true", "tlsInsecure=false", "sslVerifyCertificate=false", "sslVerifyCertificate=true" })
            {
                foreach (var host in TargetHosts)
                {
                    yield return "mongodb://" + host + "/?tls=true&" + insecure;
                    yield return "mongodb://app:s3cret@" + host + "/?" + insecure;
                }
            }

            foreach (var user in new[] { "alice", "bob%40corp", "svc-app", "u%3Ax", "%E2%82%AC" })
            {
                foreach (var password in new[] { "p", "p%40ss", "p%3Aw%2Fd", "longer-secret-123", "" })
                {
                    yield return "mongodb://" + user + ":" + password + "@db.example.com:27017/app";
                    yield return "mongodb+srv://" + user + ":" + password + "@cluster0.example.net/app?authSource=admin";
                }
            }

            // A hostile size: one 100 000-character password, raw '@' inside.
            yield return "mongodb://user:" + string.Concat(Enumerable.Repeat("ab@", 33_000)) + "@db.example.com";
        }
    }
}
