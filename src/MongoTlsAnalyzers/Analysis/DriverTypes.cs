using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// <see cref="DriverSurface"/> resolved for one compilation: the driver types by full metadata name, looked up in
    /// the driver's own assemblies (2.x and 3.x alike), and the role of each member the rules look at, found by name
    /// and then by containing type.
    /// </summary>
    internal sealed class DriverTypes
    {
        private readonly INamedTypeSymbol?[] _types;
        private readonly Dictionary<string, List<(INamedTypeSymbol Owner, DriverMember Member)>> _byName =
            new Dictionary<string, List<(INamedTypeSymbol, DriverMember)>>(StringComparer.Ordinal);

        private readonly IAssemblySymbol[] _driverAssemblies;

        /// <summary>
        /// The answer of <see cref="Find(ISymbol?)"/> per member and of <see cref="FindParameter"/> per parameter:
        /// every rule behind the driver gate asks about the member an operation touches (about ten questions per
        /// settings write on the benchmark), and the answer depends on the symbol alone.
        /// </summary>
        private readonly ConcurrentDictionary<ISymbol, DriverMember?> _rows = new ConcurrentDictionary<ISymbol, DriverMember?>(SymbolEqualityComparer.Default);

        private DriverTypes(List<IAssemblySymbol> driverAssemblies, INamedTypeSymbol mongoClient)
        {
            _driverAssemblies = driverAssemblies.ToArray();
            MemberUseGate = (operation, _) => UsesDriverMember(operation);
            _types = new INamedTypeSymbol?[DriverSurface.Types.Length];
            foreach (var (type, metadataName, _) in DriverSurface.Types)
            {
                _types[(int)type] = FindType(driverAssemblies, metadataName);
            }

            foreach (var member in DriverSurface.Members)
            {
                if (_types[(int)member.Type] is not { } owner)
                {
                    continue;
                }

                var key = Key(member.Kind, member.Name);
                if (!_byName.TryGetValue(key, out var rows))
                {
                    _byName.Add(key, rows = new List<(INamedTypeSymbol, DriverMember)>());
                }

                rows.Add((owner, member));
            }

            Profile = DriverProfile.FromAssemblyVersion(mongoClient.ContainingAssembly?.Identity.Version);
        }

        public DriverProfile Profile { get; }

        /// <summary>
        /// "Does this assignment, call or creation touch a member of the driver?", one instance per compilation: the
        /// rules that look at settings writes, driver calls and driver objects register with it, so that the host
        /// asks once per operation for all of them (<see cref="OperationGate"/>). Every such rule starts from a member
        /// of a driver type: a property with a role, a credential API, <c>SslStreamSettings</c>, <c>MongoServerAddress</c>.
        /// </summary>
        public OperationGate MemberUseGate { get; }

        public INamedTypeSymbol? MongoClientSettings => this[DriverType.MongoClientSettings];

        public INamedTypeSymbol? MongoUrlBuilder => this[DriverType.MongoUrlBuilder];

        public INamedTypeSymbol? MongoServerAddress => this[DriverType.MongoServerAddress];

        public INamedTypeSymbol? SslSettings => this[DriverType.SslSettings];

        public INamedTypeSymbol? SslStreamSettings => this[DriverType.SslStreamSettings];

        /// <summary>The resolved type, or null when this driver version has no such type.</summary>
        public INamedTypeSymbol? this[DriverType type] => _types[(int)type];

        /// <summary>True when <paramref name="type"/> is the driver type <paramref name="which"/>.</summary>
        public bool Is(ITypeSymbol? type, DriverType which) =>
            type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, _types[(int)which]);

        /// <summary>True when <paramref name="type"/> is one of the settings objects, <c>MongoClientSettings</c> or <c>MongoUrlBuilder</c>.</summary>
        public bool IsSettings(ITypeSymbol? type) => Is(type, DriverType.MongoClientSettings) || Is(type, DriverType.MongoUrlBuilder);

        /// <summary>
        /// False for an assignment to anything but a property of a type of the driver's assemblies, a call of a method
        /// of another assembly's type, and the creation of another assembly's object; true for any other operation.
        /// </summary>
        private bool UsesDriverMember(IOperation operation) => operation switch
        {
            ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } => IsInDriver(property.Property.ContainingType),
            ISimpleAssignmentOperation => false,
            IInvocationOperation invocation => IsInDriver(invocation.TargetMethod.ContainingType),
            IObjectCreationOperation creation => IsInDriver(creation.Type),
            _ => true,
        };

        private bool IsInDriver(ITypeSymbol? type)
        {
            var assembly = type?.ContainingAssembly;
            if (assembly is null)
            {
                return false;
            }

            foreach (var driver in _driverAssemblies)
            {
                if (SymbolEqualityComparer.Default.Equals(assembly, driver))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The row of a property, method or constructor of a driver type, or null for any other member.</summary>
        public DriverMember? Find(ISymbol? member) => member switch
        {
            IPropertySymbol => Remembered(member, DriverMemberKind.Property, member.ContainingType),
            IMethodSymbol { MethodKind: MethodKind.Constructor } => Remembered(member, DriverMemberKind.Constructor, member.ContainingType),
            IMethodSymbol => Remembered(member, DriverMemberKind.Method, member.ContainingType),
            _ => null,
        };

        /// <summary>The row of a parameter of a method or constructor of a driver type, or null.</summary>
        public DriverMember? FindParameter(IParameterSymbol? parameter) =>
            parameter is null ? null : Remembered(parameter, DriverMemberKind.Parameter, parameter.ContainingSymbol?.ContainingType);

        /// <summary>The role of <paramref name="member"/>, or <see cref="DriverRole.None"/>.</summary>
        public DriverRole RoleOf(ISymbol? member) => Find(member)?.Role ?? DriverRole.None;

        /// <summary>The role of <paramref name="parameter"/>, or <see cref="DriverRole.None"/>.</summary>
        public DriverRole RoleOfParameter(IParameterSymbol? parameter) => FindParameter(parameter)?.Role ?? DriverRole.None;

        /// <summary>
        /// Resolves the driver types, or returns null when the compilation does not reference MongoDB.Driver.
        /// The assembly-name check first keeps the cost for every other project to a short list scan.
        /// </summary>
        public static DriverTypes? TryResolve(Compilation compilation)
        {
            var referencesDriver = false;
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                if (string.Equals(identity.Name, "MongoDB.Driver", StringComparison.Ordinal))
                {
                    referencesDriver = true;
                    break;
                }
            }

            if (!referencesDriver)
            {
                return null;
            }

            var driverAssemblies = DriverAssemblies(compilation);
            var mongoClient = FindType(driverAssemblies, "MongoDB.Driver.MongoClient");
            return mongoClient is null ? null : new DriverTypes(driverAssemblies, mongoClient);
        }

        /// <summary>
        /// The referenced assemblies that hold the driver's types: MongoDB.Driver, and on 2.x MongoDB.Driver.Core.
        /// Types are looked up in these only. <see cref="Compilation.GetTypeByMetadataName(string)"/> searches every
        /// reference, and its first call loads the namespaces of each of them (about a third of the analyzer's time on
        /// a 100k-line project, docs/performance.md), which the driver's own types never need.
        /// </summary>
        private static List<IAssemblySymbol> DriverAssemblies(Compilation compilation)
        {
            var assemblies = new List<IAssemblySymbol>(2);
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                if (assembly.Name is "MongoDB.Driver" or "MongoDB.Driver.Core")
                {
                    assemblies.Add(assembly);
                }
            }

            return assemblies;
        }

        /// <summary>The type of that metadata name in the first driver assembly that defines it, or null.</summary>
        private static INamedTypeSymbol? FindType(List<IAssemblySymbol> driverAssemblies, string metadataName)
        {
            foreach (var assembly in driverAssemblies)
            {
                if (assembly.GetTypeByMetadataName(metadataName) is { } type)
                {
                    return type;
                }
            }

            return null;
        }

        /// <summary>The row of <paramref name="symbol"/>, a member or parameter of <paramref name="owner"/>, looked up once (<see cref="_rows"/>).</summary>
        private DriverMember? Remembered(ISymbol symbol, DriverMemberKind kind, INamedTypeSymbol? owner)
        {
            if (_rows.TryGetValue(symbol, out var known))
            {
                return known;
            }

            var found = Find(kind, symbol.Name, owner);
            _rows.TryAdd(symbol, found);
            return found;
        }

        private DriverMember? Find(DriverMemberKind kind, string name, INamedTypeSymbol? owner)
        {
            if (owner is null || !_byName.TryGetValue(Key(kind, name), out var rows))
            {
                return null;
            }

            var definition = owner.OriginalDefinition;
            foreach (var (candidate, member) in rows)
            {
                if (SymbolEqualityComparer.Default.Equals(definition, candidate))
                {
                    return member;
                }
            }

            return null;
        }

        private static string Key(DriverMemberKind kind, string name) => kind == DriverMemberKind.Constructor ? ".ctor" : kind == DriverMemberKind.Parameter ? "(" + name : name;
    }
}
