using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>One <c>host[:port]</c> entry.</summary>
    internal sealed class MongoUriHost
    {
        public MongoUriHost(string text, TextSpan span, string host, int? port)
        {
            Text = text;
            Span = span;
            Host = host;
            Port = port;
        }

        /// <summary>The entry as written, port included.</summary>
        public string Text { get; }

        public TextSpan Span { get; }

        /// <summary>The host name or address, lower-cased, without port; IP addresses in canonical form.</summary>
        public string Host { get; }

        public int? Port { get; }

        /// <summary>False when any part of the host came from a non-constant piece of the source.</summary>
        public bool IsConstant => Text.IndexOf(MongoUri.HoleChar) < 0;

        /// <summary>True for localhost, 127.0.0.0/8, ::1 and unix-domain socket paths.</summary>
        public bool IsLoopback => IsConstant && HostClassifier.IsLoopback(Host);
    }
}
