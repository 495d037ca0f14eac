using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Infrastructure
{
    /// <summary>What is known about the servers a settings object or URL builder points at.</summary>
    internal readonly struct HostKnowledge
    {
        public HostKnowledge(bool isKnown, bool allLoopback)
        {
            IsKnown = isKnown;
            AllLoopback = allLoopback;
        }

        public static HostKnowledge Unknown => default;

        /// <summary>True when at least one host was found and every host found is a constant.</summary>
        public bool IsKnown { get; }

        public bool AllLoopback { get; }

        public bool IsKnownLoopback => IsKnown && AllLoopback;

        public bool IsKnownRemote => IsKnown && !AllLoopback;
    }

    /// <summary>
    /// Finds the hosts of a <c>MongoClientSettings</c> or <c>MongoUrlBuilder</c> instance within one method
    /// (DESIGN §3: from <c>Server = new MongoServerAddress(...)</c>, from <c>Servers</c>, or from the URI it
    /// was built from). A light, intra-method look: locals and object initializers only.
    /// </summary>
    internal static class SettingsHosts
    {
        public static HostKnowledge Resolve(IOperation? instance, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var hosts = new List<HostKnowledge>();
            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                    // Inside an object initializer: new MongoUrlBuilder("...") { Server = ..., Password = ... }.
                    if (FindCreation(receiver) is { } creation)
                    {
                        AddFromCreation(creation, model, hosts, cancellationToken);
                        if (creation is IObjectCreationOperation { Initializer: { } initializer })
                        {
                            foreach (var member in initializer.Initializers)
                            {
                                AddFromServerAssignment(member, model, hosts, cancellationToken);
                            }
                        }
                    }

                    break;

                case ILocalReferenceOperation local:
                    var body = FindBody(local);
                    if (body is null)
                    {
                        break;
                    }

                    foreach (var operation in body.Descendants())
                    {
                        if (operation is IVariableDeclaratorOperation declarator
                            && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local)
                            && declarator.Initializer?.Value is { } value)
                        {
                            AddFromCreation(Unwrap(value), model, hosts, cancellationToken);
                        }
                        else if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } } assignment
                            && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                        {
                            AddFromServerAssignment(assignment, model, hosts, cancellationToken);
                        }
                    }

                    break;
            }

            if (hosts.Count == 0)
            {
                return HostKnowledge.Unknown;
            }

            var allLoopback = true;
            foreach (var host in hosts)
            {
                if (!host.IsKnown)
                {
                    return HostKnowledge.Unknown;
                }

                allLoopback &= host.AllLoopback;
            }

            return new HostKnowledge(true, allLoopback);
        }

        private static IOperation? FindCreation(IInstanceReferenceOperation receiver)
        {
            for (var parent = receiver.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IObjectOrCollectionInitializerOperation initializer)
                {
                    return initializer.Parent;
                }
            }

            return null;
        }

        private static IOperation? FindBody(IOperation operation)
        {
            var current = operation;
            while (current.Parent is not null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static IOperation Unwrap(IOperation operation) =>
            operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

        /// <summary>Hosts from <c>new MongoUrlBuilder("uri")</c>, <c>MongoClientSettings.FromConnectionString("uri")</c> and the like.</summary>
        private static void AddFromCreation(IOperation creation, MongoCompilationModel model, List<HostKnowledge> hosts, CancellationToken cancellationToken)
        {
            IOperation? uriArgument = creation switch
            {
                IObjectCreationOperation { Arguments.Length: > 0 } objectCreation
                    when objectCreation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String => objectCreation.Arguments[0].Value,
                IInvocationOperation { Arguments.Length: > 0 } invocation
                    when invocation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String => invocation.Arguments[0].Value,
                _ => null,
            };

            if (uriArgument is null)
            {
                return;
            }

            var folded = model.Folder!.Fold(uriArgument, cancellationToken);
            if (model.ParseUri(folded.Value) is { } uri)
            {
                hosts.Add(FromUri(uri));
            }
        }

        private static HostKnowledge FromUri(MongoUri uri)
        {
            if (uri.Hosts.IsEmpty)
            {
                return HostKnowledge.Unknown;
            }

            var allLoopback = true;
            foreach (var host in uri.Hosts)
            {
                if (!host.IsConstant)
                {
                    return HostKnowledge.Unknown;
                }

                allLoopback &= host.IsLoopback;
            }

            return new HostKnowledge(true, allLoopback);
        }

        private static void AddFromServerAssignment(IOperation operation, MongoCompilationModel model, List<HostKnowledge> hosts, CancellationToken cancellationToken)
        {
            if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
            {
                return;
            }

            if (property.Property.Name != "Server" && property.Property.Name != "Servers")
            {
                return;
            }

            var found = false;
            foreach (var node in assignment.Value.DescendantsAndSelf())
            {
                if (node is IObjectCreationOperation creation
                    && SymbolEqualityComparer.Default.Equals(creation.Type, model.Types!.MongoServerAddress)
                    && creation.Arguments.Length > 0)
                {
                    found = true;
                    var host = model.Folder!.Fold(creation.Arguments[0].Value, cancellationToken).Value;
                    hosts.Add(host.IndexOf(MongoUri.HoleChar) >= 0
                        ? HostKnowledge.Unknown
                        : new HostKnowledge(true, HostClassifier.IsLoopback(host.ToLowerInvariant())));
                }
            }

            if (!found)
            {
                hosts.Add(HostKnowledge.Unknown);
            }
        }
    }
}
