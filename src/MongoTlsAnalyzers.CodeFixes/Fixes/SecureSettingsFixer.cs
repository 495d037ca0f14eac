using System;
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
using MongoTlsAnalyzers.Guards;

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
    /// <para>
    /// The fix owns the settings object it rebuilds (docs/architecture.md "Fixes").
    /// A later write to that object in the same method (<c>settings.SslSettings = ...</c>, a timeout, <c>AllowInsecureTls</c>,
    /// <c>ClusterConfigurator</c>, <c>Credential</c>, <c>ServerApi</c>, any call on it or passing it anywhere but
    /// <c>new MongoClient(settings)</c>) would run after the helper: it could undo the helper's TLS validation or
    /// timeout floors, or, if the fix removed it, a value the user chose would be silently lost. Moving such a write
    /// into configuration would need an edit of <c>appsettings.json</c>, which fixes do not make, and a callback run
    /// inside the helper would either let the write override the helper or be overridden by it. So the fix moves
    /// nothing: when the object is used later (<see cref="FixFacts.SettingsUsedLater"/>, decided by the analyzer),
    /// the helper tier is not offered, and the other tiers (configuration, environment, Development guard) are. The
    /// flagged statement itself is the one later write the fix removes, since the helper covers what it was for.
    /// </para>
    /// <para>
    /// A local the rewritten expression was the only reader of (<c>var cs = configuration.GetConnectionString("MongoDB") ?? throw ...;</c>)
    /// goes with it (<see cref="OrphanedLocals"/>), so no line is left reading a configuration key nothing uses.
    /// </para>
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecureSettingsFixer))]
    [Shared]
    public sealed class SecureSettingsFixer : MongoCodeFixProvider
    {
        public const string Key = "MTA.UseSecureMongoSettings";
        private const string OptionsType = "MongoTlsAnalyzers.Settings.SecureMongoOptions";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.HardCodedCredentials,
            RuleIds.HardCodedConnectionString,
            RuleIds.CertificateValidationDisabled,
            RuleIds.InsecureTlsFromConfiguration,
            RuleIds.IgnoredConnectionStringOption,
            RuleIds.TimeoutTooShortOrInvalid);

        internal override ImmutableArray<FixAction> Actions { get; } = ImmutableArray.Create(
            new FixAction(Key, (_, facts, scope) => scope.HelperReferenced && IsOffered(facts) ? "Build the settings with MongoTlsAnalyzers.Settings (from configuration)" : null, Rewrite));

        /// <summary>
        /// Only where the runtime helper is referenced (docs/architecture.md "Fixes", tier 1): an accept-all callback
        /// the validator can replace, a URI that is the whole argument of <c>new MongoClient</c> or
        /// <c>FromConnectionString</c>, or a statement on a settings local that the helper can build instead, when
        /// nothing else in the method uses the settings object afterwards (<see cref="FixFacts.SettingsUsedLater"/>).
        /// </summary>
        private static bool IsOffered(FixFacts facts) =>
            facts.ReplaceableCallback
            || (facts.SinkSpan is not null && facts.Sink != SinkKind.None && !facts.SettingsUsedLater);

        private static bool Rewrite(EditSession session, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var facts = FixFacts.Of(diagnostic);
            var editor = session.Editor;
            var node = editor.OriginalRoot.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            bool done;
            if (facts.ReplaceableCallback)
            {
                done = RewriteCallback(session, node, cancellationToken);
            }
            else if (facts.SinkSpan is not { } sinkSpan)
            {
                done = false;
            }
            else if (sinkSpan.Contains(diagnostic.Location.SourceSpan))
            {
                done = RewriteSink(session, facts.Sink, editor.OriginalRoot.FindNode(sinkSpan, getInnermostNodeForTie: true), cancellationToken);
            }
            else
            {
                done = RewriteSettingsLocal(session, node, editor.OriginalRoot.FindNode(sinkSpan, getInnermostNodeForTie: true), cancellationToken);
            }

            if (done)
            {
                session.AddImport("MongoTlsAnalyzers.Settings");
            }

            return done;
        }

        /// <summary>An accept-all callback becomes the helper's custom-CA validator, with the CA file from configuration.</summary>
        private static bool RewriteCallback(EditSession session, SyntaxNode node, CancellationToken cancellationToken)
        {
            if (!session.Claim(node))
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
        private static bool RewriteSink(EditSession session, SinkKind sink, SyntaxNode call, CancellationToken cancellationToken)
        {
            if (!session.Claim(call))
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            switch (sink)
            {
                case SinkKind.ClientConstructor when call is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation:
                    var uri = creation.ArgumentList.Arguments[0].Expression;
                    session.Editor.ReplaceNode(uri, Build(model, creation.SpanStart, ConnectionNameOf(call, model, cancellationToken), cancellationToken).WithTriviaFrom(uri));
                    OrphanedLocals.Remove(session, uri, cancellationToken);
                    return true;

                case SinkKind.SettingsFromConnectionString:
                    session.Editor.ReplaceNode(call, Build(model, call.SpanStart, ConnectionNameOf(call, model, cancellationToken), cancellationToken).WithTriviaFrom(call));
                    OrphanedLocals.Remove(session, call, cancellationToken);
                    return true;

                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>var s = MongoClientSettings.FromConnectionString(x); s.AllowInsecureTls = true;</c>: the helper builds
        /// <c>s</c> (insecure TLS only in Development, timeouts from configuration) and the setting goes.
        /// </summary>
        private static bool RewriteSettingsLocal(EditSession session, SyntaxNode node, SyntaxNode origin, CancellationToken cancellationToken)
        {
            if (node.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } statement)
            {
                return false;
            }

            var model = session.Editor.SemanticModel;
            if (session.Claim(origin))
            {
                session.Editor.ReplaceNode(origin, Build(model, origin.SpanStart, ConnectionNameOf(origin, model, cancellationToken), cancellationToken).WithTriviaFrom(origin));
                OrphanedLocals.Remove(session, origin, cancellationToken);
            }

            if (!session.Claim(statement))
            {
                return false;
            }

            session.Editor.RemoveNode(statement.Parent is GlobalStatementSyntax global ? global : statement, SyntaxRemoveOptions.KeepUnbalancedDirectives);
            return true;
        }

        /// <summary>
        /// The connection's name (<see cref="ConnectionKeys"/>), from the URI the sink call reads: <c>MongoDB</c> for the
        /// default client, otherwise a named client's own section (README "Several clusters: named clients").
        /// </summary>
        private static string ConnectionNameOf(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
        {
            var argument = call switch
            {
                BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } creation => creation.ArgumentList.Arguments[0].Expression,
                InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation => invocation.ArgumentList.Arguments[0].Expression,
                _ => null,
            };
            // A field or local read by the call: its initializer holds the URI.
            if (argument is IdentifierNameSyntax or MemberAccessExpressionSyntax
                && model.GetSymbolInfo(argument, cancellationToken).Symbol is IFieldSymbol or ILocalSymbol
                && model.GetSymbolInfo(argument, cancellationToken).Symbol!.DeclaringSyntaxReferences is { Length: 1 } references
                && references[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: { } initializer }
                && initializer.SyntaxTree == model.SyntaxTree)
            {
                argument = initializer;
            }

            var text = argument is null ? null : ConnectionKeys.UriTextAt(StringExpressions.Outermost(argument), model, cancellationToken);
            return text is null ? ConnectionKeys.DefaultName : ConnectionKeys.For(model.Compilation, cancellationToken).NameFor(text);
        }

        /// <summary>
        /// The helper call that builds settings from what is in scope: options, configuration, or MONGODB_URI; for a
        /// connection other than the default one, its own section (or <c>MONGODB_URI_&lt;NAME&gt;</c>), never the default's.
        /// </summary>
        private static ExpressionSyntax Build(SemanticModel model, int position, string connectionName, CancellationToken cancellationToken)
        {
            var isDefault = connectionName == ConnectionKeys.DefaultName;
            var environment = EnvironmentInScope.Find(model, position, cancellationToken);
            var options = isDefault ? ScopeSearch.Find(model, position, IsOptionsOfSecureMongoOptions, Array.Empty<string>(), cancellationToken) : null;
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
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(Literal(connectionName)))));
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
                            EnvironmentVariable(ConnectionKeys.VariableFor(connectionName))))));
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
