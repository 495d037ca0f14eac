using System;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.ConnectionStrings;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// The driver types the rules look for, resolved by full metadata name once per compilation. The
    /// names are the same on the 2.x line (where some live in MongoDB.Driver.Core.dll) and the 3.x line
    /// (where everything is in MongoDB.Driver.dll); assemblies are never compared.
    /// </summary>
    internal sealed class DriverTypes
    {
        private DriverTypes(Compilation compilation, INamedTypeSymbol mongoClient)
        {
            MongoClient = mongoClient;
            MongoClientSettings = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClientSettings");
            MongoUrl = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoUrl");
            MongoUrlBuilder = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoUrlBuilder");
            MongoCredential = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoCredential");
            PasswordEvidence = compilation.GetTypeByMetadataName("MongoDB.Driver.PasswordEvidence");
            MongoServerAddress = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoServerAddress");
            SslSettings = compilation.GetTypeByMetadataName("MongoDB.Driver.SslSettings");
            MongoDefaults = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoDefaults");
            ConnectionString = compilation.GetTypeByMetadataName("MongoDB.Driver.Core.Configuration.ConnectionString");
            ClusterBuilder = compilation.GetTypeByMetadataName("MongoDB.Driver.Core.Configuration.ClusterBuilder");
            SslStreamSettings = compilation.GetTypeByMetadataName("MongoDB.Driver.Core.Configuration.SslStreamSettings");
            Profile = DriverProfile.FromAssemblyVersion(mongoClient.ContainingAssembly?.Identity.Version);
        }

        public DriverProfile Profile { get; }

        public INamedTypeSymbol MongoClient { get; }

        public INamedTypeSymbol? MongoClientSettings { get; }

        public INamedTypeSymbol? MongoUrl { get; }

        public INamedTypeSymbol? MongoUrlBuilder { get; }

        public INamedTypeSymbol? MongoCredential { get; }

        public INamedTypeSymbol? PasswordEvidence { get; }

        public INamedTypeSymbol? MongoServerAddress { get; }

        public INamedTypeSymbol? SslSettings { get; }

        public INamedTypeSymbol? MongoDefaults { get; }

        public INamedTypeSymbol? ConnectionString { get; }

        public INamedTypeSymbol? ClusterBuilder { get; }

        public INamedTypeSymbol? SslStreamSettings { get; }

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

            var mongoClient = compilation.GetTypeByMetadataName("MongoDB.Driver.MongoClient");
            return mongoClient is null ? null : new DriverTypes(compilation, mongoClient);
        }

        /// <summary>True for the driver's connection-string sinks (docs/architecture.md "Sinks").</summary>
        public bool IsSinkType(ITypeSymbol? type) =>
            type is not null
            && (SymbolEqualityComparer.Default.Equals(type, MongoClient)
                || SymbolEqualityComparer.Default.Equals(type, MongoUrl)
                || SymbolEqualityComparer.Default.Equals(type, MongoUrlBuilder)
                || SymbolEqualityComparer.Default.Equals(type, MongoClientSettings));
    }
}
