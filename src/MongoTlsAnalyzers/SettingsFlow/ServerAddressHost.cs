using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// MTA002's question for <c>new MongoServerAddress(host, …)</c> (docs/rules/MTA002.md "Server addresses"): is its host a
    /// constant remote one, and is this the address the settings write it stands in reports? A write of several
    /// addresses (<c>Servers = new[] { … }</c>) is one hard-coded server list, reported once, on its first remote host.
    /// </summary>
    internal static class ServerAddressHost
    {
        /// <summary>The remote host <paramref name="creation"/> names and the argument to report on, or null.</summary>
        public static IOperation? FindReportable(IObjectCreationOperation creation, MongoCompilationModel model, CancellationToken cancellationToken, out string host)
        {
            host = string.Empty;
            if (!IsRemote(creation, model, cancellationToken, out host) || !IsFirstRemoteOfItsWrite(creation, model, cancellationToken))
            {
                return null;
            }

            return creation.Arguments[0].Value;
        }

        private static bool IsRemote(IObjectCreationOperation creation, MongoCompilationModel model, CancellationToken cancellationToken, out string host)
        {
            host = string.Empty;
            if (!model.Types.Is(creation.Type, DriverType.MongoServerAddress) || creation.Arguments.Length == 0)
            {
                return false;
            }

            var folded = model.Folder.Fold(creation.Arguments[0].Value, cancellationToken);
            var text = folded.Value.Trim();
            if (text.Length == 0 || folded.HasHoles || TemplateForms.Contains(text) || HostClassifier.IsLoopback(text.ToLowerInvariant()))
            {
                return false;
            }

            host = text;
            return true;
        }

        private static bool IsFirstRemoteOfItsWrite(IObjectCreationOperation creation, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            for (var parent = creation.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } write
                    && model.Types.RoleOf(property.Property) == DriverRole.Servers)
                {
                    foreach (var other in write.Value.DescendantsAndSelf())
                    {
                        if (other is IObjectCreationOperation otherCreation && IsRemote(otherCreation, model, cancellationToken, out _))
                        {
                            return otherCreation == creation;
                        }
                    }

                    return false;
                }

                if (parent is IBlockOperation or IMethodBodyOperation)
                {
                    break;
                }
            }

            return true;
        }
    }
}
