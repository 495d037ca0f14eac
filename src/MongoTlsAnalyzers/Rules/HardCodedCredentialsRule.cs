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
    /// MTA001: a real (non-placeholder) password in a MongoDB URI or passed to a credential API. Silent when
    /// every host is loopback; a host that is not constant counts as remote. Applies in test projects too.
    /// </summary>
    internal sealed class HardCodedCredentialsRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            RuleDescriptors.HardCodedCredentials,
            RuleDescriptors.HardCodedWeakCredentials,
            RuleDescriptors.HardCodedPasswordInConstant,
            RuleDescriptors.HardCodedPasswordInFallback,
            RuleDescriptors.HardCodedPasswordArgument,
            RuleDescriptors.HardCodedPasswordArgumentForUser,
            RuleDescriptors.HardCodedWeakPasswordArgument,
            RuleDescriptors.HardCodedBuilderPassword,
            RuleDescriptors.HardCodedCredentialsInConfigurationFile);

        public override bool ReadsConfigurationFiles => true;

        /// <summary>A real password in a configuration file's URI: reported on the user info, silent when every host is loopback, as in code.</summary>
        public override void AnalyzeConfigurationUri(ConfigurationUri found)
        {
            var uri = found.Uri;
            if (uri.UserInfo is not { PasswordSpan: { } passwordSpan } userInfo || !userInfo.HasRealPassword || uri.HostScope == UriHostScope.AllLoopback)
            {
                return;
            }

            found.Report(
                RuleDescriptors.HardCodedCredentialsInConfigurationFile,
                TextSpan.FromBounds(userInfo.UsernameSpan.Start, passwordSpan.End),
                uri.Redacted,
                found.Key,
                found.FileName,
                found.EnvironmentVariable);
        }

        public override void Register(MongoAnalysisSession session)
        {
            var locator = UriSiteLocator.For(session.Model);
            session.RegisterOperationAction(context => AnalyzeUri(context, session, locator), UriSiteLocator.RootKinds, locator.RootGate);

            if (session.Types[DriverType.MongoCredential] is not null || session.Types[DriverType.PasswordEvidence] is not null)
            {
                session.RegisterOperationAction(context => AnalyzeCredentialCall(context, session), session.Types.MemberUseGate, OperationKind.Invocation, OperationKind.ObjectCreation);
            }

            if (session.Types.MongoUrlBuilder is not null)
            {
                session.RegisterOperationAction(context => AnalyzeBuilderPassword(context, session), session.Types.MemberUseGate, OperationKind.SimpleAssignment);
            }
        }

        private static void AnalyzeUri(OperationAnalysisContext context, MongoAnalysisSession session, UriSiteLocator locator)
        {
            var site = locator.Find(context.Operation, context.CancellationToken);
            if (site?.Uri.UserInfo is not { PasswordSpan: { } passwordSpan } userInfo)
            {
                return;
            }

            if (!userInfo.HasRealPassword || site.Uri.HostScope == UriHostScope.AllLoopback)
            {
                return;
            }

            // docs/architecture.md "Test code": a fixture host (single label, reserved name) in a test is no server.
            if (site.Uri.PointsOnlyAtLocalOrFixtureHosts && session.IsTestCode(context.Operation))
            {
                return;
            }

            var piece = site.Folded.PieceAt(passwordSpan.Start);
            if (piece is null || locator.IsOwnedByAnotherUri(site, piece, context.CancellationToken))
            {
                return;
            }

            var shape = site.ShapeOf(piece);
            // A weak password's user name is the password, so its wording never names the constant or the user.
            var (descriptor, argument) = shape switch
            {
                _ when userInfo.HasWeakPassword => (RuleDescriptors.HardCodedWeakCredentials, site.Uri.Redacted),
                ValueShape.Declaration => (RuleDescriptors.HardCodedPasswordInConstant, piece.ViaSymbol?.Name ?? "the constant"),
                ValueShape.Fallback => (RuleDescriptors.HardCodedPasswordInFallback, site.Uri.Redacted),
                _ => (RuleDescriptors.HardCodedCredentials, site.Uri.Redacted),
            };
            var facts = new FixFacts { Shape = shape, Secret = shape == ValueShape.Declaration ? SecretKind.Password : SecretKind.ConnectionString };
            var properties = SettingsOwnership.Of(UriSink.With(facts, site, piece.ReportNode, context.Operation, session.Types), context.Operation.SemanticModel, session.Types, context.CancellationToken).ToProperties();
            session.Report(
                context,
                Diagnostic.Create(descriptor, piece.ReportNode.GetLocation(), properties, argument));
        }

        /// <summary>MongoCredential.Create*Credential(..., password) and new PasswordEvidence(password).</summary>
        private static void AnalyzeCredentialCall(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            IMethodSymbol method;
            ImmutableArray<IArgumentOperation> arguments;
            string apiName;
            switch (context.Operation)
            {
                case IInvocationOperation invocation
                    when session.Types.RoleOf(invocation.TargetMethod) == DriverRole.CredentialApi:
                    method = invocation.TargetMethod;
                    arguments = invocation.Arguments;
                    apiName = "MongoCredential." + method.Name;
                    break;
                case IObjectCreationOperation { Constructor: { } constructor } creation
                    when session.Types.RoleOf(constructor) == DriverRole.CredentialApi:
                    method = constructor;
                    arguments = creation.Arguments;
                    apiName = "new PasswordEvidence";
                    break;
                default:
                    return;
            }

            IArgumentOperation? password = null;
            string? username = null;
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter is null || parameter.Type.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                if (parameter.Name == "password")
                {
                    password = argument;
                }
                else if (parameter.Name == "username")
                {
                    var folded = session.Model.Folder.Fold(argument.Value, context.CancellationToken);
                    username = folded.HasHoles ? null : folded.Value;
                }
            }

            if (password is null || password.IsImplicit)
            {
                return;
            }

            var passwordText = session.Model.Folder.Fold(password.Value, context.CancellationToken);
            if (username is not null && !passwordText.HasHoles && CredentialClassifier.IsWeak(passwordText.Value, username))
            {
                ReportConstantPassword(context, session, password.Value, RuleDescriptors.HardCodedWeakPasswordArgument, new object[] { apiName });
            }
            else if (username is null)
            {
                ReportConstantPassword(context, session, password.Value, RuleDescriptors.HardCodedPasswordArgument, new object[] { apiName });
            }
            else
            {
                ReportConstantPassword(context, session, password.Value, RuleDescriptors.HardCodedPasswordArgumentForUser, new object[] { apiName, username });
            }
        }

        /// <summary>builder.Password = "..." on MongoUrlBuilder, unless the same builder only points at loopback.</summary>
        private static void AnalyzeBuilderPassword(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation property && session.Types.RoleOf(property.Property) == DriverRole.Password)
            {
                AnalyzeBuilderPassword(context, session, assignment, property);
            }
        }

        /// <summary>Apart from the test above, so that the lambda's captures are allocated only for a password write.</summary>
        private static void AnalyzeBuilderPassword(OperationAnalysisContext context, MongoAnalysisSession session, ISimpleAssignmentOperation assignment, IPropertyReferenceOperation property)
        {
            // The hosts take a walk through the method: only when the password is a real constant.
            ReportConstantPassword(
                context,
                session,
                assignment.Value,
                RuleDescriptors.HardCodedBuilderPassword,
                Array.Empty<object>(),
                () =>
                {
                    var hosts = SettingsState.Hosts(property.Instance, assignment, session.Model, context.CancellationToken);
                    // docs/architecture.md "Test code": in a test, a builder aimed at a fixture host reaches no server.
                    return hosts.IsKnownLoopback || (hosts.OnlyLocalOrFixture && session.IsTestCode(context.Operation));
                });
        }

        private static void ReportConstantPassword(OperationAnalysisContext context, MongoAnalysisSession session, IOperation value, DiagnosticDescriptor descriptor, object[] arguments, Func<bool>? reachesNoServer = null)
        {
            var folded = session.Model.Folder.Fold(value, context.CancellationToken);
            if (folded.HasHoles || !CredentialClassifier.IsRealPassword(folded.Value, folded.Value) || reachesNoServer?.Invoke() == true)
            {
                return;
            }

            var properties = new FixFacts { Shape = ValueShape.CredentialValue, Secret = SecretKind.Password }.ToProperties();
            session.Report(context, Diagnostic.Create(descriptor, value.Syntax.GetLocation(), properties, arguments));
        }
    }
}
