namespace MongoTlsAnalyzers.Tests.Rules
{
    /// <summary>
    /// The class the TLS-family tests (MTA003, MTA004, MTA009) put their statements in, shared through
    /// <c>using static</c>; the mutation harvest renders every snippet of a file that imports it in it too.
    /// </summary>
    internal static class InsecureTlsCode
    {
        /// <summary>Wraps statements in a class with the usual parameters: configuration, options, host environment.</summary>
        public static string Code(string body, string members = "") => /* lang=c#-test */ $$"""

using System;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using MongoDB.Driver.Core.Configuration;

public sealed class MongoOptions { public bool AllowInsecureTls { get; set; } public bool UseSsl { get; set; } public string Thumbprint { get; set; } = ""; }

public class C
{
    {{members}}
    static bool AcceptAll(object sender, X509Certificate certificate, X509Chain chain, SslPolicyErrors errors) => true;
    static bool Compute() => DateTime.Now.Second > 30;

    public object M(IConfiguration cfg, IOptions<MongoOptions> options, IHostEnvironment env, bool allowInsecure)
    {
        var opts = options.Value;
        var s = MongoClientSettings.FromConnectionString(cfg["Mongo"]);
        {{body}}
        return s;
    }
}
""";
    }
}
