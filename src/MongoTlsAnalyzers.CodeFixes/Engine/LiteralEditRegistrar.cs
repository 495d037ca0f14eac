using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>Registers the literal edit a diagnostic carries under a property key.</summary>
    internal static class LiteralEditRegistrar
    {
        public static DiagnosticEdits.EditRegistrar For(string propertyKey) => (session, diagnostic, cancellationToken) =>
        {
            if (!diagnostic.Properties.TryGetValue(propertyKey, out var encoded) || !LiteralEdit.TryDecode(encoded, out var edit))
            {
                return false;
            }

            var literal = LiteralValueEdits.FindLiteral(session.Editor.OriginalRoot, diagnostic.Location.SourceSpan);
            if (literal is null || !LiteralValueEdits.Fits(literal, edit))
            {
                return false;
            }

            session.EditLiteral(literal, edit);
            return true;
        };
    }
}
