using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>
    /// A light, intra-method look at a <c>MongoClientSettings</c> or <c>MongoUrlBuilder</c> (docs/rules/MTA009):
    /// its starting state from <c>FromConnectionString</c>, <c>FromUrl</c>, the URI it was built from or the
    /// defaults, then its property writes in source order (<c>UseTls</c>, <c>UseSsl</c>, <c>Server</c>,
    /// <c>Servers</c>). Writes nested deeper than the object's declaration make the state unknown.
    /// </summary>
    internal static class SettingsState
    {
        /// <summary>
        /// The state of the object that <paramref name="instance"/> refers to once the method has configured it:
        /// what the driver sees when it connects. <paramref name="at"/> is any operation of the method.
        /// </summary>
        public static SettingsSnapshot Of(IOperation? instance, IOperation at, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var state = new Builder();
            switch (instance)
            {
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                    if (FindCreation(receiver) is not { } creation)
                    {
                        break;
                    }

                    // new MongoClientSettings { ... } assigned to a local: follow the local through the method.
                    if (creation.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        ApplyLocal(declarator.Symbol, at, state, model, cancellationToken);
                        break;
                    }

                    state.Start(creation, model, cancellationToken);
                    if (creation is IObjectCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var member in initializer.Initializers)
                        {
                            state.Apply(member, model, cancellationToken, nested: false);
                        }
                    }

                    break;

                case ILocalReferenceOperation local:
                    ApplyLocal(local.Local, at, state, model, cancellationToken);
                    break;
            }

            return state.ToSnapshot();
        }

        /// <summary>The hosts of the object <paramref name="instance"/> refers to.</summary>
        public static HostKnowledge Hosts(IOperation? instance, IOperation at, MongoCompilationModel model, CancellationToken cancellationToken) =>
            Of(instance, at, model, cancellationToken).Hosts;

        private static void ApplyLocal(ILocalSymbol local, IOperation at, Builder state, MongoCompilationModel model, CancellationToken cancellationToken)
        {
            var body = FindRoot(at);
            SyntaxNode? declarationBlock = null;
            foreach (var operation in body.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator
                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local)
                    && declarator.Initializer?.Value is { } value)
                {
                    declarationBlock = EnclosingBlock(declarator.Syntax);
                    var creation = Unwrap(value);
                    state.Start(creation, model, cancellationToken);
                    if (creation is IObjectCreationOperation { Initializer: { } initializer })
                    {
                        foreach (var member in initializer.Initializers)
                        {
                            state.Apply(member, model, cancellationToken, nested: false);
                        }
                    }
                }
                else if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } } assignment
                    && SymbolEqualityComparer.Default.Equals(target.Local, local))
                {
                    state.Apply(assignment, model, cancellationToken, nested: EnclosingBlock(assignment.Syntax) != declarationBlock);
                }
            }
        }

        private static SyntaxNode? EnclosingBlock(SyntaxNode node)
        {
            for (var current = node.Parent; current is not null; current = current.Parent)
            {
                if (current is BlockSyntax
                    || current is CompilationUnitSyntax
                    || current is ArrowExpressionClauseSyntax
                    || current is SwitchSectionSyntax)
                {
                    return current;
                }
            }

            return null;
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

        private static IOperation FindRoot(IOperation operation)
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

        private sealed class Builder
        {
            private readonly List<HostKnowledge> _hosts = new List<HostKnowledge>();
            private TlsKnowledge _tls;
            private bool _started;

            public void Start(IOperation creation, MongoCompilationModel model, CancellationToken cancellationToken)
            {
                _started = true;
                var types = model.Types;
                switch (creation)
                {
                    case IObjectCreationOperation { Arguments.Length: 0 } empty
                        when types.IsSettings(empty.Type):
                        // The defaults: no TLS, localhost:27017.
                        _tls = TlsKnowledge.Off;
                        _hosts.Add(new HostKnowledge(true, true, null));
                        return;

                    case IObjectCreationOperation { Arguments.Length: > 0 } withUri
                        when withUri.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String:
                        FromUri(withUri.Arguments[0].Value, model, cancellationToken);
                        return;

                    case IInvocationOperation { TargetMethod.Name: "FromConnectionString", Arguments.Length: > 0 } fromString:
                        FromUri(fromString.Arguments[0].Value, model, cancellationToken);
                        return;

                    case IInvocationOperation { TargetMethod.Name: "FromUrl", Arguments.Length: > 0 } fromUrl:
                        var url = Unwrap(fromUrl.Arguments[0].Value);
                        if (url is IObjectCreationOperation { Arguments.Length: > 0 } newUrl)
                        {
                            FromUri(newUrl.Arguments[0].Value, model, cancellationToken);
                        }
                        else if (url is IInvocationOperation { TargetMethod.Name: "Create", Arguments.Length: > 0 } createUrl)
                        {
                            FromUri(createUrl.Arguments[0].Value, model, cancellationToken);
                        }

                        return;

                    default:
                        _started = false;
                        return;
                }
            }

            private void FromUri(IOperation value, MongoCompilationModel model, CancellationToken cancellationToken)
            {
                var folded = model.Folder.Fold(value, cancellationToken);
                var uri = model.ParseUri(folded.Value);
                if (uri is null)
                {
                    return;
                }

                _hosts.Add(HostKnowledge.FromUri(uri));
                var optionsHaveHoles = false;
                foreach (var option in uri.Options)
                {
                    optionsHaveHoles |= option.HasHole;
                }

                if (uri.ExplicitTls is bool explicitTls)
                {
                    _tls = explicitTls ? TlsKnowledge.On : TlsKnowledge.Off;
                }
                else if (!optionsHaveHoles)
                {
                    _tls = uri.TlsEnabled ? TlsKnowledge.On : TlsKnowledge.Off;
                }
            }

            public void Apply(IOperation operation, MongoCompilationModel model, CancellationToken cancellationToken, bool nested)
            {
                if (operation is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    return;
                }

                switch (model.Types.RoleOf(property.Property))
                {
                    case DriverRole.TlsSwitch:
                        if (!nested && assignment.Value.ConstantValue is { HasValue: true, Value: bool on })
                        {
                            _tls = on ? TlsKnowledge.On : TlsKnowledge.Off;
                        }
                        else
                        {
                            _tls = TlsKnowledge.Unknown;
                        }

                        break;

                    case DriverRole.Servers:
                        _hosts.Clear();
                        AddServers(assignment.Value, model, cancellationToken);
                        if (nested)
                        {
                            _hosts.Add(HostKnowledge.Unknown);
                        }

                        break;
                }
            }

            private void AddServers(IOperation value, MongoCompilationModel model, CancellationToken cancellationToken)
            {
                var found = false;
                foreach (var node in value.DescendantsAndSelf())
                {
                    if (node is IObjectCreationOperation creation
                        && model.Types.Is(creation.Type, DriverType.MongoServerAddress)
                        && creation.Arguments.Length > 0)
                    {
                        found = true;
                        var host = model.Folder.Fold(creation.Arguments[0].Value, cancellationToken).Value;
                        _hosts.Add(host.IndexOf(MongoUri.HoleChar) >= 0
                            ? HostKnowledge.Unknown
                            : HostClassifier.IsLoopback(host.ToLowerInvariant())
                                ? new HostKnowledge(true, true, null)
                                : new HostKnowledge(true, false, host.ToLowerInvariant(), HostClassifier.IsFixtureHost(host.ToLowerInvariant())));
                    }
                }

                if (!found)
                {
                    _hosts.Add(HostKnowledge.Unknown);
                }
            }

            public SettingsSnapshot ToSnapshot() =>
                _started ? new SettingsSnapshot(_tls, HostKnowledge.Combine(_hosts)) : new SettingsSnapshot(TlsKnowledge.Unknown, HostKnowledge.Unknown);
        }
    }
}
