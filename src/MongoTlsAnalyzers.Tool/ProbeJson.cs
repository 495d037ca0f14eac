using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MongoTlsAnalyzers.Settings;
using MongoTlsAnalyzers.Settings.Probing;

namespace MongoTlsAnalyzers.Tool
{
    /// <summary>
    /// The probe report as JSON, schema <c>mongo-tls-probe/1</c> (docs/probe.md): property names and order are
    /// stable; a missing value is null, never left out.
    /// </summary>
    public static class ProbeJson
    {
        /// <summary>The schema name written as the first property.</summary>
        public const string Schema = "mongo-tls-probe/1";

        /// <summary>Writes <paramref name="report"/> as indented JSON.</summary>
        public static string Write(ProbeReport report)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("schema", Schema);
                json.WriteString("connectionString", report.ConnectionString);
                json.WriteBoolean("tlsExpected", report.TlsExpected);
                json.WriteBoolean("passed", report.Passed);
                json.WritePropertyName("dns");
                if (report.Dns is { } dns)
                {
                    json.WriteStartObject();
                    json.WriteString("srvName", dns.SrvName);
                    json.WriteStartArray("hosts");
                    foreach (var host in dns.Hosts)
                    {
                        json.WriteStringValue(host);
                    }

                    json.WriteEndArray();
                    json.WriteString("txtOptions", dns.TxtOptions);
                    json.WriteNumber("milliseconds", Round(dns.Milliseconds));
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNullValue();
                }

                WriteFailure(json, report.Failure);
                json.WriteStartArray("hosts");
                foreach (var host in report.Hosts)
                {
                    WriteHost(json, host);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        private static void WriteHost(Utf8JsonWriter json, HostFinding host)
        {
            json.WriteStartObject();
            json.WriteString("host", host.Host);
            json.WriteNumber("port", host.Port);
            json.WriteString("address", host.Address);
            json.WriteBoolean("passed", host.Passed);
            WriteNumber(json, "tcpConnectMilliseconds", host.TcpConnectMilliseconds);
            json.WritePropertyName("tls");
            if (host.TlsProtocol is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStartObject();
                json.WriteString("protocol", host.TlsProtocol);
                json.WriteString("cipherSuite", host.CipherSuite);
                WriteNumber(json, "handshakeMilliseconds", host.TlsHandshakeMilliseconds);
                json.WriteEndObject();
            }

            json.WriteStartArray("certificates");
            foreach (var certificate in host.Certificates)
            {
                json.WriteStartObject();
                json.WriteString("subject", certificate.Subject);
                json.WriteString("issuer", certificate.Issuer);
                json.WriteString("notBefore", certificate.NotBefore.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                json.WriteString("notAfter", certificate.NotAfter.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
                json.WriteNumber("daysLeft", certificate.DaysLeft);
                json.WriteString("publicKeySha256", certificate.PublicKeySha256);
                json.WriteStartArray("names");
                foreach (var name in certificate.Names)
                {
                    json.WriteStringValue(name);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteBoolean(json, "hostNameMatches", host.HostNameMatches);
            WriteVerdict(json, "systemStore", host.SystemStoreValid, host.SystemStoreRejection);
            WriteVerdict(json, "ca", host.CaValid, host.CaRejection);
            json.WriteString("hello", host.Hello);
            json.WriteString("helloNote", host.HelloNote);
            WriteFailure(json, host.Failure);
            json.WriteEndObject();
        }

        private static void WriteVerdict(Utf8JsonWriter json, string name, bool? valid, CertificateRejection? rejection)
        {
            json.WritePropertyName(name);
            if (valid is null)
            {
                json.WriteNullValue();
                return;
            }

            json.WriteStartObject();
            json.WriteBoolean("valid", valid.Value);
            json.WriteString("reason", rejection?.Kind.ToString());
            json.WriteString("explanation", rejection?.Message);
            json.WriteEndObject();
        }

        private static void WriteFailure(Utf8JsonWriter json, ProbeFailure? failure)
        {
            json.WritePropertyName("failure");
            if (failure is null)
            {
                json.WriteNullValue();
                return;
            }

            json.WriteStartObject();
            json.WriteString("code", failure.Code);
            json.WriteString("explanation", failure.Explanation);
            json.WriteString("nextStep", failure.NextStep);
            json.WriteEndObject();
        }

        private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
        {
            if (value is double number)
            {
                json.WriteNumber(name, Round(number));
            }
            else
            {
                json.WriteNull(name);
            }
        }

        private static void WriteBoolean(Utf8JsonWriter json, string name, bool? value)
        {
            if (value is bool flag)
            {
                json.WriteBoolean(name, flag);
            }
            else
            {
                json.WriteNull(name);
            }
        }

        private static double Round(double value) => Math.Round(value, 1);
    }
}
