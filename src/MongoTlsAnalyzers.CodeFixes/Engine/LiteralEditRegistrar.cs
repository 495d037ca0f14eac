using System;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>Registers one of the literal edits a diagnostic's <see cref="FixFacts"/> carry.</summary>
    internal static class LiteralEditRegistrar
    {
        public static DiagnosticEdits.EditRegistrar For(Func<FixFacts, LiteralEdit?> pick) => (session, diagnostic, cancellationToken) =>
        {
            if (pick(FixFacts.Of(diagnostic)) is not { } edit)
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
