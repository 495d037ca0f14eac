using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MongoTlsAnalyzers.Tests.Robustness
{
    /// <summary>
    /// Connection strings built to break a URI parser, a constant folder or a message renderer. Each is the
    /// string value a literal is given; <see cref="Payload.RawInSource"/> writes the characters into the
    /// source text unescaped (a lone surrogate in the file itself, not only in the value).
    /// </summary>
    public static class HostileUris
    {
        /// <summary>A hostile value; <paramref name="Expensive"/> ones (hundreds of kilobytes) are used on a sample of sources only.</summary>
        public sealed record Payload(string Name, string Value, bool RawInSource = false, bool Expensive = false);

        public static readonly IReadOnlyList<Payload> All = new[]
        {
            new Payload("1 MB URI", "mongodb://admin:S3cret@" + new string('h', 1_000_000) + ".example.com/?tls=true&tlsInsecure=true", Expensive: true),
            new Payload("percent garbage", "mongodb://%zz%%%00%:%@%zz%%,%/%%?%zz=%%&tlsCAFile=%&connectTimeoutMS=%00&%=%&authMechanismProperties=%:%,%"),
            new Payload("NUL characters", "mongodb://\0admin\0:\0pw\0@\0host\0:\0/\0?tls\0=\0true\0&\0=\0"),
            new Payload("10,000 options", "mongodb://admin:pw@db.example.com/?" + string.Join("&", Enumerable.Range(0, 10_000).Select(Option)), Expensive: true),
            new Payload("10,000 hosts", "mongodb://" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => "h" + i + ":" + (i % 70_000))) + "/?tls=true", Expensive: true),
            new Payload("unbalanced brackets", "mongodb://u:p@[::1,]]:27017,[fe80::1%25eth0,[[[:]/?tls=true&replicaSet=]["),
            new Payload("only a bracket", "mongodb://["),
            new Payload("unicode and RTL hosts", "mongodb://usér:päss\u202E@bücher.例え.テスト,\u202Eevil.com\u202C:27017,xn--nxasmq6b.com/дб?appName=\u200F\u200E&tls=true"),
            new Payload("lone surrogates (escaped)", "mongodb://\uD800:\uDFFF@h\uD800st/\uDC00?appName=\uD83D&tlsInsecure=\uDE00true"),
            new Payload("lone surrogates (raw in source)", "mongodb://u:\uD800@h\uDC00/?appName=\uD83D", RawInSource: true),
            new Payload("srv with empty host", "mongodb+srv://"),
            new Payload("srv with empty host and credentials", "mongodb+srv://admin:pw@/db?tls=false&directConnection=true"),
            new Payload("separators only", "mongodb://@@@:::///???&&&===;;;,,,"),
            new Payload("huge numbers", "mongodb://h:99999999999999999999/?connectTimeoutMS=99999999999999999999&serverSelectionTimeoutMS=-1&socketTimeoutMS=1e308&waitQueueTimeoutMS=NaN&heartbeatFrequencyMS=-0&tlsInsecure=maybe"),
            new Payload("format placeholders", "mongodb://{0}:{1}@{2}/{{3}}?tls={4}&x=${MONGO_PASSWORD}&y=%MONGO%"),
            new Payload("empty", string.Empty),
            new Payload("control and line breaks", "mongodb://a\r\n:b\u2028@c\u0085d\t/?tls=\vtrue\f"),
        };

        /// <summary>A mix of real options (each rule's), odd spellings and unknown keys.</summary>
        private static string Option(int i) => (i % 8) switch
        {
            0 => "appName=x" + i,
            1 => "tlsInsecure=true",
            2 => "connectTimeoutMS=" + (i % 5),
            3 => "SSL=" + (i % 2 == 0 ? "false" : "TRUE"),
            4 => "tlsCAFile=/ca" + i + ".pem",
            5 => "unknownOption" + i + "=1",
            6 => "maxIdleTimeMS=" + i,
            _ => "readPreferenceTags=dc:ny,rack:" + i,
        };

        /// <summary>The C# token text of a regular string literal with this value.</summary>
        public static string ToLiteral(Payload payload)
        {
            var builder = new StringBuilder(payload.Value.Length + 2);
            builder.Append('"');
            for (var i = 0; i < payload.Value.Length; i++)
            {
                var c = payload.Value[i];
                if (c == '"' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < 0x20 || c == 0x85 || c == '\u2028' || c == '\u2029' || (char.IsSurrogate(c) && !payload.RawInSource))
                {
                    // Line breaks cannot stand in a regular literal; lone surrogates are escaped unless the payload wants them raw.
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
