using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>MTA011: "Percent-encode the user name and password" when an unencoded character there is the cause.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConnectionStringRejectedFixer))]
    [Shared]
    public sealed class ConnectionStringRejectedFixer : MongoCodeFixProvider
    {
        public const string EncodeKey = "MTA.EncodeUserInfo";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.ConnectionStringRejected);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            FixAction.When(EncodeKey, "Percent-encode the user name and password", facts => facts.EncodeUserInfoEdit is not null, Encode));

        /// <summary>
        /// The fact carries only the span of the user info in the literal; the encoded text is computed here, from the
        /// literal itself, with the model's own encoder, so the password never travels in the diagnostic.
        /// </summary>
        private static bool Encode(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (FixFacts.Of(diagnostic).EncodeUserInfoEdit is not { } span)
            {
                return false;
            }

            var literal = LiteralValueEdits.FindLiteral(session.Editor.OriginalRoot, diagnostic.Location.SourceSpan);
            if (literal is null || !LiteralValueEdits.Fits(literal, span))
            {
                return false;
            }

            var userInfo = literal.Token.ValueText.Substring(span.Start, span.Length);
            session.EditLiteral(literal, new LiteralEdit(span.Start, span.Length, UserInfoEncoding.Encode(userInfo)));
            return true;
        }
    }
}
