using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(FixAction.Always(TrustKey, "Trust the CA with a custom-root validator", Trust));

        private static bool Trust(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            diagnostic.Properties.TryGetValue(DiagnosticProperties.CaProblem, out var problem);
            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var helper = CustomCaCode.HelperIsReferenced(editor.SemanticModel.Compilation);
            var type = node.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (!helper && type is null)
            {
                // The BCL code needs a type to live in (not top-level statements).
                return false;
            }

            bool done;
            var needsSettingsMethod = false;
            switch (problem)
            {
                case DiagnosticProperties.CaProblemUriOption:
                    done = FixUriOption(session, diagnostic, helper);
                    needsSettingsMethod = true;
                    break;
                case DiagnosticProperties.CaProblemClientCertificate:
                    done = FixClientCertificate(session, diagnostic, node, helper);
                    break;
                case DiagnosticProperties.CaProblemCallback:
                    done = FixCallback(session, node, helper, cancellationToken);
                    break;
                default:
                    return false;
            }

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
                session.AddTypeEdit(type!, current => CustomCaCode.AddBclMethods(current, needsSettingsMethod));
                foreach (var namespaceName in CustomCaCode.BclNamespaces)
                {
                    session.AddImport(namespaceName);
                }
            }

            return true;
        }

        /// <summary><c>new MongoClient("...&amp;tlsCAFile=ca.pem")</c> becomes <c>new MongoClient(TrustCustomCa(MongoClientSettings.FromConnectionString("..."), "ca.pem"))</c>.</summary>
        private static bool FixUriOption(EditSession session, Diagnostic diagnostic, bool helper)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.CaFile, out var file) || string.IsNullOrEmpty(file)
                || !LiteralEdit.TryDecode(diagnostic.Properties.TryGetValue(DiagnosticProperties.RemoveEdit, out var remove) ? remove : null, out var edit))
            {
                return false;
            }

            var literal = LiteralValueEdits.FindLiteral(session.Editor.OriginalRoot, diagnostic.Location.SourceSpan);
            // The literal without the option is only built once the call is claimed: in Fix All, every tlsCAFile of a
            // URI with thousands of them would otherwise rebuild the whole literal.
            if (literal?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: var call } } || !LiteralValueEdits.Fits(literal, edit))
            {
                return false;
            }

            var caFile = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(file!));
            var model = session.Editor.SemanticModel;
            switch (call)
            {
                case ObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation).Type?.Name == "MongoClient" && session.Claim(creation):
                    var fromString = CustomCaCode.FromConnectionString(LiteralValueEdits.Apply(literal, edit)!.WithoutTrivia());
                    session.Editor.ReplaceNode(literal, CustomCaCode.SettingsWithCa(helper, fromString, caFile).WithAdditionalAnnotations(Formatter.Annotation));
                    return true;

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromConnectionString" } } invocation
                    when model.GetSymbolInfo(invocation).Symbol?.ContainingType?.Name == "MongoClientSettings" && session.Claim(invocation):
                    var rewritten = invocation.ReplaceNode(literal, LiteralValueEdits.Apply(literal, edit)!);
                    session.Editor.ReplaceNode(invocation, CustomCaCode.SettingsWithCa(helper, rewritten.WithoutTrivia(), caFile).WithTriviaFrom(invocation).WithAdditionalAnnotations(Formatter.Annotation));
                    return true;

                default:
                    return false;
            }
        }

        /// <summary><c>ClientCertificates = new[] { new X509Certificate2("ca.crt") }</c> becomes <c>ServerCertificateValidationCallback = ...("ca.crt")</c>.</summary>
        private static bool FixClientCertificate(EditSession session, Diagnostic diagnostic, SyntaxNode node, bool helper)
        {
            if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.CaFile, out var file) || string.IsNullOrEmpty(file))
            {
                return false;
            }

            var assignment = node.FirstAncestorOrSelf<AssignmentExpressionSyntax>();
            if (assignment is null || !OnlyHolds(assignment.Right, node) || AlreadySetsCallback(assignment) || !session.Claim(assignment))
            {
                return false;
            }

            var caFile = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(file!));
            ExpressionSyntax target = assignment.Left switch
            {
                IdentifierNameSyntax => SyntaxFactory.IdentifierName("ServerCertificateValidationCallback"),
                MemberAccessExpressionSyntax access => access.WithName(SyntaxFactory.IdentifierName("ServerCertificateValidationCallback")),
                _ => null!,
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

        /// <summary>
        /// True when the same SslSettings already gets a validation callback (in the initializer, or a statement of
        /// the same block on the same receiver): turning the certificate into a second callback would not compile or
        /// would silently replace the first, so the fix is not offered.
        /// </summary>
        private static bool AlreadySetsCallback(AssignmentExpressionSyntax assignment)
        {
            const string Callback = "ServerCertificateValidationCallback";
            switch (assignment)
            {
                case { Parent: InitializerExpressionSyntax initializer }:
                    return initializer.Expressions.Any(e => e is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: Callback } });
                case { Left: MemberAccessExpressionSyntax access }:
                    var receiver = access.Expression.ToString();
                    var scope = (SyntaxNode?)assignment.FirstAncestorOrSelf<BlockSyntax>() ?? assignment.SyntaxTree.GetRoot();
                    return scope.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
                        a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: Callback } other && other.Expression.ToString() == receiver);
                default:
                    return false;
            }
        }

        /// <summary>True when <paramref name="value"/> is the certificate, or an array or collection of only it.</summary>
        private static bool OnlyHolds(ExpressionSyntax value, SyntaxNode certificate)
        {
            if (value == certificate)
            {
                return true;
            }

            var initializer = value switch
            {
                ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer,
                ArrayCreationExpressionSyntax array => array.Initializer,
                ObjectCreationExpressionSyntax collection => collection.Initializer,
                _ => null,
            };
            return initializer is { Expressions.Count: 1 } && initializer.Expressions[0] == certificate;
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
