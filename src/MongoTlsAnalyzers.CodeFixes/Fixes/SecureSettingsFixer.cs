using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
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
    /// The helper tier of the fixes (docs/architecture.md "Fixes", tier 1): when MongoTlsAnalyzers.Settings is referenced, rewrite the
    /// settings into the options-bound form it builds. A hard-coded or option-laden connection string passed to
    /// <c>new MongoClient(...)</c> or <c>MongoClientSettings.FromConnectionString(...)</c> becomes
    /// <c>SecureMongoSettings.FromConfiguration(configuration.GetSection("MongoDB"), environment)</c> (or reads
    /// <c>IOptions&lt;SecureMongoOptions&gt;</c>, or the MONGODB_URI environment variable); an insecure or too-short
    /// setting on a settings object built in the method goes, and the object is built by the helper instead; an
    /// accept-all callback becomes the helper's custom-CA validator.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecureSettingsFixer))]
    [Shared]
    public sealed class SecureSettingsFixer : MongoCodeFixProvider
    {
        public const string Key = "MTA.UseSecureMongoSettings";
        private const string SettingsType = "MongoTlsAnalyzers.Settings.SecureMongoSettings";
        private const string OptionsType = "MongoTlsAnalyzers.Settings.SecureMongoOptions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.HardCodedCredentials,
            RuleIds.HardCodedConnectionString,
            RuleIds.CertificateValidationDisabled,
            RuleIds.InsecureTlsFromConfiguration,
            RuleIds.IgnoredConnectionStringOption,
            RuleIds.TimeoutTooShortOrInvalid);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            FixAction.Always(Key, "Build the settings with MongoTlsAnalyzers.Settings (configuration section MongoDB)", Rewrite));

        /// <summary>Only where the runtime helper is referenced (docs/architecture.md "Fixes", tier 1).</summary>
        private protected override async Task<bool> AppliesToAsync(CodeFixContext context)
        {
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            return model?.Compilation.GetTypeByMetadataName(SettingsType) is not null;
        }

        private static bool Rewrite(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var done = RewriteCallback(session, node, cancellationToken)
                || RewriteSink(session, node, cancellationToken)
                || RewriteSettingsLocal(session, node, cancellationToken);
            if (done)
            {
                session.AddImport("MongoTlsAnalyzers.Settings");
            }

            return done;
        }

        /// <summary>An accept-all callback becomes the helper's custom-CA validator, with the CA file from configuration.</summary>
        private static bool RewriteCallback(EditSession session, SyntaxNode node, CancellationToken cancellationToken)
        {
            if (node is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax)
                || node.Parent is not (AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "ServerCertificateValidationCallback" } }
                    or AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ServerCertificateValidationCallback" } }
                    or ArgumentSyntax)
                || !session.Claim(node))
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            var configuration = ConfigurationAccess.Find(model, node.SpanStart, cancellationToken);
            var caFile = configuration is not null
                ? SecretReads.ReadOrThrow(
                    SyntaxFactory.ElementAccessExpression(configuration, SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal("MongoDB:Tls:CaCertificatePath"))))),
                    "Set MongoDB:Tls:CaCertificatePath to the CA certificate file (PEM).")
                : SecretReads.ReadOrThrow(EnvironmentVariable("MONGODB_TLS_CA_FILE"), "Set the MONGODB_TLS_CA_FILE environment variable to the CA certificate file (PEM).");
            session.Editor.ReplaceNode(node, CustomCaCode.Validator(helper: true, caFile).WithTriviaFrom(node).WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation));
            return true;
        }

        /// <summary><c>new MongoClient("mongodb://...")</c> and <c>MongoClientSettings.FromConnectionString("...")</c> get their settings from the helper.</summary>
        private static bool RewriteSink(EditSession session, SyntaxNode node, CancellationToken cancellationToken)
        {
            var literal = node as ExpressionSyntax ?? LiteralValueEdits.FindLiteral(session.Editor.OriginalRoot, node.Span);
            if (literal is null)
            {
                return false;
            }

            var root = StringExpressions.Outermost(literal);
            if (root.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: var call } })
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            switch (call)
            {
                case ObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation, cancellationToken).Type?.Name == "MongoClient" && session.Claim(creation):
                    session.Editor.ReplaceNode(root, Build(model, creation.SpanStart, cancellationToken).WithTriviaFrom(root));
                    return true;

                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromConnectionString" } } invocation
                    when model.GetSymbolInfo(invocation, cancellationToken).Symbol?.ContainingType?.Name == "MongoClientSettings" && session.Claim(invocation):
                    session.Editor.ReplaceNode(invocation, Build(model, invocation.SpanStart, cancellationToken).WithTriviaFrom(invocation));
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>var s = MongoClientSettings.FromConnectionString(x); s.AllowInsecureTls = true;</c>: the helper builds
        /// <c>s</c> (insecure TLS only in Development, timeouts from configuration) and the setting goes.
        /// </summary>
        private static bool RewriteSettingsLocal(EditSession session, SyntaxNode node, CancellationToken cancellationToken)
        {
            if (node is not AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax { Parent: BlockSyntax or GlobalStatementSyntax } statement, Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax local } })
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            if (model.GetSymbolInfo(local, cancellationToken).Symbol is not ILocalSymbol symbol
                || symbol.DeclaringSyntaxReferences.Length != 1
                || symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: var initializer }
                || !IsSettingsCreation(model, initializer, cancellationToken))
            {
                return false;
            }

            if (session.Claim(initializer))
            {
                session.Editor.ReplaceNode(initializer, Build(model, initializer.SpanStart, cancellationToken).WithTriviaFrom(initializer));
            }

            if (!session.Claim(statement))
            {
                return false;
            }

            session.Editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return true;
        }

        private static bool IsSettingsCreation(SemanticModel model, ExpressionSyntax initializer, CancellationToken cancellationToken) =>
            initializer switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromConnectionString" or "FromUrl" } } invocation =>
                    model.GetSymbolInfo(invocation, cancellationToken).Symbol?.ContainingType?.Name == "MongoClientSettings",
                ObjectCreationExpressionSyntax { Initializer: null } creation => model.GetTypeInfo(creation, cancellationToken).Type?.Name == "MongoClientSettings",
                _ => false,
            };

        /// <summary>The helper call that builds settings from what is in scope: options, configuration, or MONGODB_URI.</summary>
        private static ExpressionSyntax Build(SemanticModel model, int position, CancellationToken cancellationToken)
        {
            var environment = EnvironmentAccess.Find(model, position, cancellationToken);
            var options = ScopeSearch.Find(model, position, IsOptionsOfSecureMongoOptions, Array.Empty<string>(), cancellationToken);
            var configuration = ConfigurationAccess.Find(model, position, cancellationToken);

            string method;
            ExpressionSyntax source;
            if (options is not null)
            {
                method = "Build";
                source = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, options, SyntaxFactory.IdentifierName("Value"));
            }
            else if (configuration is not null)
            {
                method = "FromConfiguration";
                source = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, configuration, SyntaxFactory.IdentifierName("GetSection")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal("MongoDB")))));
            }
            else
            {
                method = "Build";
                source = SyntaxFactory.ObjectCreationExpression(SyntaxFactory.IdentifierName("SecureMongoOptions"))
                    .WithInitializer(SyntaxFactory.InitializerExpression(
                        SyntaxKind.ObjectInitializerExpression,
                        SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(SyntaxFactory.AssignmentExpression(
                            SyntaxKind.SimpleAssignmentExpression,
                            SyntaxFactory.IdentifierName("ConnectionString"),
                            EnvironmentVariable("MONGODB_URI")))));
            }

            var arguments = environment is null
                ? SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(source) })
                : SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(source), SyntaxFactory.Argument(environment) });
            return SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxFactory.IdentifierName("SecureMongoSettings"), SyntaxFactory.IdentifierName(method)),
                    SyntaxFactory.ArgumentList(arguments))
                .WithAdditionalAnnotations(Formatter.Annotation, Simplifier.Annotation);
        }

        private static bool IsOptionsOfSecureMongoOptions(ITypeSymbol type) =>
            type is INamedTypeSymbol { Name: "IOptions" or "IOptionsSnapshot", TypeArguments.Length: 1 } named
            && named.TypeArguments[0].ToDisplayString() == OptionsType;

        private static ExpressionSyntax EnvironmentVariable(string name) =>
            SyntaxFactory.InvocationExpression(
                SyntaxFactory.ParseExpression("global::System.Environment.GetEnvironmentVariable").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(name)))));

        private static LiteralExpressionSyntax Literal(string text) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text));
    }
}
