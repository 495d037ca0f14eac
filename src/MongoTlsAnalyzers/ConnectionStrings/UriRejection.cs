using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Why the driver refuses a connection string, in words, with the fix (docs/rules/MTA011.md). Neither text ever
    /// holds a value from the URI: they name options, characters and ports only, so no password can leak through them.
    /// </summary>
    internal sealed class UriRejection
    {
        public UriRejection(RejectionCause cause, string reason, string fix, TextSpan span, DriverLayer layer)
        {
            Cause = cause;
            Reason = reason;
            Fix = fix;
            Span = span;
            Layer = layer;
        }

        public RejectionCause Cause { get; }

        /// <summary>The driver's reason, for example "the password holds an unencoded '@'".</summary>
        public string Reason { get; }

        /// <summary>What to change, for example "percent-encode '@' as %40".</summary>
        public string Fix { get; }

        /// <summary>Where in the URI text the cause stands: the user info, the option, the host, or the whole text.</summary>
        public TextSpan Span { get; }

        /// <summary>The first layer that refuses the text.</summary>
        public DriverLayer Layer { get; }
    }
}
