using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.SettingsFlow;
using MongoTlsAnalyzers.Uris;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA002: a MongoDB URI with no real credentials (none, or placeholders) that names at least one
    /// constant, non-loopback host. Info by default; silent in test projects.
    /// </summary>
    internal sealed class HardCodedConnectionStringRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.HardCodedConnectionString, RuleDescriptors.HardCodedServerAddress, RuleDescriptors.HardCodedConnectionStringInConfigurationFile);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>A remote host in a configuration file's URI without real credentials: reported on the host.</summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            if (found.Uri.UserInfo is { HasRealPassword: true } || found.Uri.FirstConstantRemoteHost is not { } remote)
            {
                return;
            }

            // The host name, without its port.
            var span = remote.Text.StartsWith(remote.Host, StringComparison.Ordinal) ? new TextSpan(remote.Span.Start, remote.Host.Length) : remote.Span;
            found.Report(RuleDescriptors.HardCodedConnectionStringInConfigurationFile, span, remote.Host, found.Key, found.FileName, found.EnvironmentVariable);
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => Analyze(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);
            session.RegisterOperationAction(context => AnalyzeServerAddress(context, session), session.Types.MemberUseGate, OperationKind.ObjectCreation);
        }

        /// <summary><c>new MongoServerAddress("10.1.2.3", 27017)</c>: once per settings write, on the first remote host.</summary>
        private static void AnalyzeServerAddress(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (ServerAddressHost.FindReportable(creation, session.Model, context.CancellationToken, out var host) is not { } argument)
            {
                return;
            }

            // No fix moves a server address yet: the settings would have to be rebuilt from a connection string.
            var properties = new FixFacts { Shape = ValueShape.ServerAddress, Secret = SecretKind.Host }.ToProperties();
            session.Report(context, Diagnostic.Create(RuleDescriptors.HardCodedServerAddress, argument.Syntax.GetLocation(), properties, host));
        }

        private static void Analyze(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site is null || UriRejections.Of(site, context.Operation, session.Model, out _) is not null)
            {
                // A URI the driver rejects is MTA011's alone.
                return;
            }

            if (site.Uri.UserInfo is { HasRealPassword: true })
            {
                // Real credentials are MTA001's business (or harmless on loopback).
                return;
            }

            var remote = site.Uri.FirstConstantRemoteHost;
            if (remote is null)
            {
                return;
            }

            var piece = site.Folded.PieceAt(remote.Span.Start);
            if (piece is null || locator.IsOwnedByAnotherUri(site, piece, context.CancellationToken))
            {
                return;
            }

            var shape = site.ShapeOf(piece);
            var facts = new FixFacts { Shape = shape, Secret = shape == ValueShape.Declaration ? SecretKind.Host : SecretKind.ConnectionString };
            var properties = SettingsOwnership.Of(UriSink.With(facts, site, piece.ReportNode, context.Operation, session.Types), context.Operation.SemanticModel, session.Types, context.CancellationToken).ToProperties();
            session.Report(
                context,
                Diagnostic.Create(RuleDescriptors.HardCodedConnectionString, piece.ReportNode.GetLocation(), properties, MongoUri.RenderHoles(remote.Host)));
        }
    }
}
