using System;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// Registers one of the literal edits a diagnostic's <see cref="FixFacts"/> carry, on the literal the diagnostic
    /// lies in, or on the interpolated-text part its <see cref="FixFacts.PieceSpan"/> names.
    /// </summary>
    internal static class LiteralEditRegistrar
    {
        public static DiagnosticEdits.EditRegistrar For(Func<FixFacts, LiteralEdit?> pick) => (session, diagnostic, cancellationToken) =>
        {
            var facts = FixFacts.Of(diagnostic);
            if (pick(facts) is not { } edit)
            {
                return false;
            }

            var literal = LiteralValueEdits.FindPiece(session.Editor.OriginalRoot, diagnostic.Location.SourceSpan, facts.PieceSpan);
            if (literal is null || !LiteralValueEdits.Fits(literal, edit))
            {
                return false;
            }

            session.EditLiteral(literal, edit);
            return true;
        };
    }
}
