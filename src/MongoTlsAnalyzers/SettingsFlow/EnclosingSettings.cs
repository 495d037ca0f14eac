using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// The settings object a nested TLS setting is written into: <c>settings.SslSettings = new SslSettings { … }</c>
    /// around it, or <c>settings.SslSettings.ClientCertificates = …</c> itself. MTA006 asks for its hosts, to word its
    /// message for an Atlas cluster.
    /// </summary>
    internal static class EnclosingSettings
    {
        /// <summary>What is known about the hosts of the settings object <paramref name="operation"/> writes into.</summary>
        public static HostKnowledge HostsOf(IOperation operation, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: IPropertyReferenceOperation { Instance: { } owner } } } direct
                && model.Types.IsSettings(owner.Type))
            {
                return SettingsState.Of(owner, direct, model, cancellationToken).Hosts;
            }

            return SnapshotOf(operation, model, cancellationToken)?.Hosts ?? HostKnowledge.Unknown;
        }

        /// <summary>
        /// The state of the settings object whose property assignment encloses <paramref name="operation"/>
        /// (<c>settings.SslSettings = new SslSettings { … }</c>), at that assignment; null when none does.
        /// </summary>
        public static SettingsSnapshot? SnapshotOf(IOperation operation, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment
                    && model.Types.IsSettings(property.Property.ContainingType))
                {
                    return SettingsState.Of(property.Instance, assignment, model, cancellationToken);
                }
            }

            return null;
        }
    }
}
