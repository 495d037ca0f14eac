using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Tls
{
    /// <summary>A CA certificate created without its private key (<see cref="KeylessCaCertificates"/>).</summary>
    internal sealed class KeylessCaCertificate
    {
        public KeylessCaCertificate(IOperation creation, string source, string? file)
        {
            Creation = creation;
            Source = source;
            File = file;
        }

        /// <summary>The expression that creates the certificate, where MTA006 is reported.</summary>
        public IOperation Creation { get; }

        /// <summary>What the message names: the file, or the name that says CA.</summary>
        public string Source { get; }

        /// <summary>The constant file it is read from, when known: the fix reads the same file into a validator.</summary>
        public string? File { get; }
    }
}
