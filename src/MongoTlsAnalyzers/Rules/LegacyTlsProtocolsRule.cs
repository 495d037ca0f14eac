using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA010: <c>SslSettings.EnabledSslProtocols</c>, or <c>SslStreamSettings.With(enabledProtocols: ...)</c> and its
    /// constructor, including SSL 2.0, SSL 3.0, TLS 1.0 or TLS 1.1 — through <c>|</c> combinations and numeric
    /// casts too. Runs in test projects.
    /// </summary>
    internal sealed class LegacyTlsProtocolsRule : MongoRule
    {
        // System.Security.Authentication.SslProtocols values.
        private static readonly (int Flag, string Name)[] LegacyProtocols =
        {
            (12, "SSL 2.0"), (48, "SSL 3.0"), (192, "TLS 1.0"), (768, "TLS 1.1"),
        };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.LegacyTlsProtocols);

        public override void Register(MongoAnalysisSession session)
        {
            if (session.Types.SslSettings is not null)
            {
                session.RegisterOperationAction(context => AnalyzeAssignment(context, session), session.Types.MemberUseGate, OperationKind.SimpleAssignment);
            }

            if (session.Types.SslStreamSettings is not null)
            {
                session.RegisterOperationAction(context => AnalyzeStreamSettings(context, session), session.Types.MemberUseGate, OperationKind.Invocation, OperationKind.ObjectCreation);
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation property
                && session.Types.RoleOf(property.Property) == DriverRole.Protocols
                && Legacy(assignment.Value) is { } names)
            {
                session.Report(context, Diagnostic.Create(RuleDescriptors.LegacyTlsProtocols, assignment.Syntax.GetLocation(), "EnabledSslProtocols", names));
            }
        }

        private static void AnalyzeStreamSettings(OperationAnalysisContext context, MongoAnalysisSession session)
        {
            ImmutableArray<IArgumentOperation> arguments;
            switch (context.Operation)
            {
                case IInvocationOperation invocation when session.Types.Is(invocation.TargetMethod.ContainingType, DriverType.SslStreamSettings):
                    arguments = invocation.Arguments;
                    break;
                case IObjectCreationOperation creation when session.Types.Is(creation.Type, DriverType.SslStreamSettings):
                    arguments = creation.Arguments;
                    break;
                default:
                    return;
            }

            foreach (var argument in arguments)
            {
                if (session.Types.RoleOfParameter(argument.Parameter) == DriverRole.Protocols && argument.ArgumentKind != ArgumentKind.DefaultValue && Legacy(argument.Value) is { } names)
                {
                    session.Report(context, Diagnostic.Create(RuleDescriptors.LegacyTlsProtocols, argument.Syntax.GetLocation(), "SslStreamSettings enabledProtocols", names));
                }
            }
        }

        /// <summary>The legacy protocols a constant SslProtocols value includes, as "TLS 1.0 and TLS 1.1", or null.</summary>
        private static string? Legacy(IOperation value)
        {
            // Optional<SslProtocols> and nullable wrappers convert implicitly; the constant sits underneath.
            while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
            {
                value = conversion.Operand;
            }

            if (value.ConstantValue is not { HasValue: true, Value: { } constant })
            {
                return null;
            }

            long flags;
            try
            {
                flags = Convert.ToInt64(constant, CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or InvalidCastException or OverflowException)
            {
                return null;
            }

            var names = new List<string>();
            foreach (var (flag, name) in LegacyProtocols)
            {
                if ((flags & flag) != 0)
                {
                    names.Add(name);
                }
            }

            return names.Count == 0 ? null : names.Count == 1 ? names[0] : string.Join(", ", names.GetRange(0, names.Count - 1)) + " and " + names[names.Count - 1];
        }
    }
}
