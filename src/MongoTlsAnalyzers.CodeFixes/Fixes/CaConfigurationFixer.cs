using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using MongoTlsAnalyzers.CodeFixes.CodeBuilders;
using MongoTlsAnalyzers.CodeFixes.Engine;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Fixes
{
    /// <summary>
    /// MTA006: "Trust the CA with a custom-root validator". A <c>tlsCAFile</c> option moves out of the URI into a
    /// validator on the settings; a CA certificate in <c>ClientCertificates</c> becomes a validator; a callback that
    /// lets chain errors through is replaced by one that checks the chain against the CA. Uses the runtime
    /// helper's <c>CustomCaCertificateValidator</c> when it is referenced, otherwise writes BCL code.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CaConfigurationFixer))]
    [Shared]
    public sealed class CaConfigurationFixer : MongoCodeFixProvider
    {
        public const string TrustKey = "MTA.TrustCustomCa";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.CaConfigurationIneffective);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            new FixAction(TrustKey, (_, facts, _) => !IsOffered(facts) ? null : facts.CaProblem == CaProblem.UriOption ? "Remove the CA option and trust the CA with a custom-root validator" : "Trust the CA with a custom-root validator", Trust));

        /// <summary>
        /// A URI option moves out of a literal that is the whole argument of <c>new MongoClient</c> or
        /// <c>FromConnectionString</c>; a CA certificate becomes a validator when it is all the value holds. The BCL code
        /// goes into the containing type, or, in top-level statements, after them as static local functions.
        /// </summary>
        private static bool IsOffered(FixFacts facts) =>
            facts.CaProblem switch
            {
                CaProblem.UriOption => !string.IsNullOrEmpty(facts.CaFile) && facts.RemoveEdit is not null && facts.SinkSpan is not null
                    && facts.Sink is SinkKind.ClientConstructor or SinkKind.SettingsFromConnectionString,
                CaProblem.ClientCertificate => !string.IsNullOrEmpty(facts.CaFile) && facts.CertificateCanBecomeValidator,
                CaProblem.Callback => true,
                _ => false,
            };

        private static bool Trust(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var helper = FixScope.Of(editor.SemanticModel.Compilation).HelperReferenced;
            var type = facts.InType ? node.FirstAncestorOrSelf<TypeDeclarationSyntax>() : null;
            if (!helper && type is null && node.FirstAncestorOrSelf<GlobalStatementSyntax>() is null)
            {
                return false;
            }

            var done = facts.CaProblem switch
            {
                CaProblem.UriOption => FixUriOption(session, diagnostic, facts, helper),
                CaProblem.ClientCertificate => FixClientCertificate(session, facts, node, helper),
                CaProblem.Callback => FixCallback(session, node, helper, cancellationToken),
                _ => false,
            };
            if (!done)
            {
                return false;
            }

            if (helper)
            {
                session.AddImport(CustomCaCode.HelperNamespace);
            }
            else
            {
                var needsSettingsMethod = facts.CaProblem == CaProblem.UriOption;
                if (type is not null)
                {
                    session.AddTypeEdit(type, current => CustomCaCode.AddBclMethods(current, needsSettingsMethod));
                }
                else
                {
                    session.AddUnitEdit(unit => CustomCaCode.AddBclLocalFunctions(unit, needsSettingsMethod));
                }

                foreach (var namespaceName in CustomCaCode.BclNamespaces)
                {
                    session.AddImport(namespaceName);
                }
            }

            return true;
        }

        /// <summary>
        /// <c>new MongoClient("...&amp;tlsCAFile=ca.pem")</c> becomes <c>new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString("..."), "ca.pem"))</c>;
        /// a URI held by a local for its one use at the sink loses the option where it is written, and the sink is
        /// rewritten the same way around the local.
        /// </summary>
        private static bool FixUriOption(EditSession session, Diagnostic diagnostic, FixFacts facts, bool helper)
        {
            if (facts is not { CaFile: { Length: > 0 } file, RemoveEdit: { } edit, SinkSpan: { } sinkSpan })
            {
                return false;
            }

            var root = session.Editor.OriginalRoot;
            var literal = LiteralValueEdits.FindLiteral(root, diagnostic.Location.SourceSpan);
            var call = root.FindNode(sinkSpan, getInnermostNodeForTie: true);

            // The literal without the option is only built once the call is claimed: in Fix All, every tlsCAFile of a
            // URI with thousands of them would otherwise rebuild the whole literal.
            if (literal is null || !LiteralValueEdits.Fits(literal, edit) || !session.Claim(call))
            {
                return false;
            }

            var caFile = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(file));
            var inCall = call.Span.Contains(literal.Span);
            switch (facts.Sink)
            {
                case SinkKind.ClientConstructor when call is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 1 } arguments }:
                    var argument = arguments[0].Expression;
                    var connectionString = inCall ? LiteralValueEdits.Apply(literal, edit)! : argument;
                    var fromString = CustomCaCode.FromConnectionString(connectionString.WithoutTrivia());
                    session.Editor.ReplaceNode(argument, CustomCaCode.SettingsWithCa(helper, fromString, caFile).WithTriviaFrom(argument).WithAdditionalAnnotations(Formatter.Annotation));
                    break;

                case SinkKind.SettingsFromConnectionString:
                    var rewritten = inCall ? call.ReplaceNode(literal, LiteralValueEdits.Apply(literal, edit)!) : call;
                    session.Editor.ReplaceNode(call, CustomCaCode.SettingsWithCa(helper, (ExpressionSyntax)rewritten.WithoutTrivia(), caFile).WithTriviaFrom(call).WithAdditionalAnnotations(Formatter.Annotation));
                    break;

                default:
                    return false;
            }

            if (!inCall)
            {
                session.EditLiteral(literal, edit);
            }

            return true;
        }

        /// <summary><c>ClientCertificates = new[] { new X509Certificate2("ca.crt") }</c> becomes <c>ServerCertificateValidationCallback = ...("ca.crt")</c>.</summary>
        private static bool FixClientCertificate(EditSession session, FixFacts facts, SyntaxNode node, bool helper)
        {
            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (facts is not { CaFile: { Length: > 0 } file, CertificateCanBecomeValidator: true } || assignment is null || !session.Claim(assignment))
            {
                return false;
            }

            var caFile = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(file));
            ExpressionSyntax? target = assignment.Left switch
            {
                IdentifierNameSyntax => SyntaxFactory.IdentifierName("ServerCertificateValidationCallback"),
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName("ServerCertificateValidationCallback")),
                _ => null,
            };
            if (target is null)
            {
                return false;
            }

            session.Editor.ReplaceNode(
                assignment,
                SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, target, CustomCaCode.Validator(helper, caFile)).WithTriviaFrom(assignment).WithAdditionalAnnotations(Formatter.Annotation));
            return true;
        }

        /// <summary>A callback that lets chain errors through becomes one that checks the chain against the CA file named by configuration.</summary>
        private static bool FixCallback(EditSession session, SyntaxNode node, bool helper, CancellationToken cancellationToken)
        {
            if (node is not ExpressionSyntax callback || !session.Claim(callback))
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            var configuration = ConfigurationAccess.Find(model, callback.SpanStart, cancellationToken);
            var caFile = configuration is not null
                ? SecretReads.ReadOrThrow(
                    SyntaxFactory.ElementAccessExpression(configuration, SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("MongoDB:Tls:CaCertificatePath")))))),
                    "Set MongoDB:Tls:CaCertificatePath to the CA certificate file (PEM).")
                : SecretReads.ReadOrThrow(
                    SyntaxFactory.InvocationExpression(
                        SyntaxFactory.ParseExpression("global::System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
                        SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("MONGODB_TLS_CA_FILE")))))),
                    "Set the MONGODB_TLS_CA_FILE environment variable to the CA certificate file (PEM).");
            session.Editor.ReplaceNode(callback, CustomCaCode.Validator(helper, caFile).WithTriviaFrom(callback).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
            return true;
        }
    }
}
