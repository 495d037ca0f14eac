using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Folding;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA011: a MongoDB URI the driver refuses at run time, judged by the model (<see cref="DriverRejections"/>) at the
    /// layer of the sink it is handed to. One diagnostic per URI, on the text that causes it (the user info, the option,
    /// the host) or on the string. Runs in test code too: a rejected URI is a bug wherever it is.
    /// </summary>
    internal sealed class ConnectionStringRejectedRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(RuleDescriptors.ConnectionStringRejected, RuleDescriptors.ConnectionStringRejectedBySink);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>
        /// A configuration file's connection string is read by the application into <c>ConnectionString</c> (through
        /// <c>MongoClientSettings.FromConnectionString</c> or <c>new MongoClient</c>, whose extra refusals need the code
        /// that reads it), so it is judged at that layer; the reason and the fix are those of code.
        /// </summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (DriverRejections.FindProven(found.Uri, DriverLayer.ConnectionString, found.Profile) is { } rejection)
            {
                found.Report(RuleDescriptors.ConnectionStringRejected, rejection.Span, rejection.Reason, rejection.Fix);
            }
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => Analyze(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);
        }

        private static void Analyze(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site is null)
            {
                return;
            }

            var rejection = UriRejections.Of(site, context.Operation, session.Model, out var sink);
            if (rejection is null)
            {
                return;
            }

            var whole = rejection.Span.Start == 0 && rejection.Span.Length == site.Uri.Text.Length;
            var piece = site.Folded.PieceAt(whole ? 0 : rejection.Span.Start);
            if (piece is null || piece.Origin == PieceOrigin.Hole || locator.IsOwnedByAnotherUri(site, piece, context.CancellationToken))
            {
                return;
            }

            var location = whole ? piece.ReportNode.GetLocation() : site.Folded.GetLocation(rejection.Span, narrow: piece.Origin == PieceOrigin.Literal);
            var facts = new FixFacts { EncodeUserInfoEdit = EncodeEdit(rejection, piece) };
            var diagnostic = rejection.Layer == DriverLayer.ConnectionString || sink is null
                ? Diagnostic.Create(RuleDescriptors.ConnectionStringRejected, location, facts.ToProperties(), rejection.Reason, rejection.Fix)
                : Diagnostic.Create(RuleDescriptors.ConnectionStringRejectedBySink, location, facts.ToProperties(), sink, rejection.Reason, rejection.Fix);
            session.Report(context, diagnostic);
        }

        /// <summary>The user info's span in its literal, when that is the cause and one literal holds all of it.</summary>
        private static LiteralEdit? EncodeEdit(UriRejection rejection, FoldedPiece piece)
        {
            var span = rejection.Span;
            if (rejection.Cause != RejectionCause.UnencodedUserInfo
                || piece.Origin != PieceOrigin.Literal
                || piece.SourceNode is null
                || span.Start < piece.Start
                || span.End > piece.End)
            {
                return null;
            }

            return new LiteralEdit(span.Start - piece.Start, span.Length, string.Empty);
        }
    }
}
