using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Screening;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Catalog
{
    /// <summary>
    /// The driver surface table (src/MongoTlsAnalyzers/Analysis/DriverSurface.cs) against the real driver assemblies,
    /// 2.30.0 and 3.14.0: every row names a member that exists, the credential factories are all there, and the source
    /// screen's trigger words come from the table.
    /// </summary>
    public sealed class DriverSurfaceTests
    {
        public static IEnumerable<object[]> Drivers() => new[] { new object[] { DriverVersion.V2 }, new object[] { DriverVersion.V3 } };

        [Fact]
        public void EveryTypeResolvesOnBothDriverLines()
        {
            foreach (var driver in new[] { DriverVersion.V2, DriverVersion.V3 })
            {
                var compilation = AnalyzerRunner.Compile(new[] { "class C { }" }, driver);
                foreach (var (type, metadataName, _) in DriverSurface.Types)
                {
                    Assert.True(compilation.GetTypeByMetadataName(metadataName) is not null, $"{type} ({metadataName}) is missing from MongoDB.Driver {driver}");
                }
            }
        }

        [Fact]
        public void EveryMemberExistsOnAtLeastOneDriverLine()
        {
            var missing = new List<string>();
            foreach (var member in DriverSurface.Members)
            {
                var found = new[] { DriverVersion.V2, DriverVersion.V3 }.Any(driver => Exists(Type(driver, member.Type), member));
                if (!found)
                {
                    missing.Add(member.Type + "." + member.Name);
                }
            }

            Assert.True(missing.Count == 0, "Not in either driver: " + string.Join(", ", missing));
        }

        [Theory]
        [MemberData(nameof(Drivers))]
        public void EveryCredentialFactoryIsARow(DriverVersion driver)
        {
            var factories = Type(driver, DriverType.MongoCredential).GetMembers()
                .OfType<IMethodSymbol>()
                .Where(m => m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && m.Name.StartsWith("Create") && m.Name.EndsWith("Credential"))
                .Select(m => m.Name)
                .Distinct()
                .ToList();
            Assert.NotEmpty(factories);
            var rows = DriverSurface.Members.Where(m => m.Role == DriverRole.CredentialApi).Select(m => m.Name).ToHashSet();
            Assert.DoesNotContain(factories, name => !rows.Contains(name));
        }

        [Theory]
        [MemberData(nameof(Drivers))]
        public void RolesAreFoundThroughTheResolvedSymbols(DriverVersion driver)
        {
            var compilation = AnalyzerRunner.Compile(new[] { "class C { }" }, driver);
            var types = MongoCompilationModel.TryGet(compilation)!.Types;
            var settings = Type(driver, DriverType.MongoClientSettings);
            Assert.Equal(DriverRole.InsecureTlsSwitch, types.RoleOf(settings.GetMembers("AllowInsecureTls").Single()));
            Assert.Equal(DriverTimeout.ServerSelection, types.Find(settings.GetMembers("ServerSelectionTimeout").Single())!.Value.Timeout);
            Assert.Equal(DriverRole.None, types.RoleOf(settings.GetMembers("ApplicationName").Single()));
            var with = Type(driver, DriverType.SslStreamSettings).GetMembers("With").OfType<IMethodSymbol>().Single();
            Assert.Equal(DriverRole.Protocols, types.RoleOfParameter(with.Parameters.Single(p => p.Name == "enabledProtocols")));

            // A type of the application with the same member name has no role.
            var own = AnalyzerRunner.Compile(new[] { "class Options { public bool AllowInsecureTls { get; set; } }" }, driver);
            var ownTypes = MongoCompilationModel.TryGet(own)!.Types;
            Assert.Equal(DriverRole.None, ownTypes.RoleOf(own.GetTypeByMetadataName("Options")!.GetMembers("AllowInsecureTls").Single()));
        }

        [Fact]
        public void TriggerWordsComeFromTheTable()
        {
            var screened = DriverSurface.Types.Where(t => t.Screens).Select(t => t.MetadataName.Split('.').Last())
                .Concat(DriverSurface.Members.Where(m => m.Screens && m.Kind != DriverMemberKind.Constructor).Select(m => m.Name))
                .ToList();
            Assert.Contains("enabledProtocols", screened);
            foreach (var word in screened)
            {
                Assert.True(TriggerWords.IsTrigger(word), word + " is not a trigger word");
                Assert.True(TriggerWords.IsTrigger(word.ToUpperInvariant()), word + " in capitals is not a trigger word");
            }

            // MTA002 reports a hard-coded MongoServerAddress, which may be the only driver word of its member.
            Assert.Contains("MongoServerAddress", screened);

            // Rows that are reached another way do not keep members in on their own.
            foreach (var word in new[] { "Servers", "FromConnectionString", "Orders" })
            {
                Assert.False(TriggerWords.IsTrigger(word), word + " should not be a trigger word");
            }
        }

        private static INamedTypeSymbol Type(DriverVersion driver, DriverType type)
        {
            var compilation = AnalyzerRunner.Compile(new[] { "class C { }" }, driver);
            return compilation.GetTypeByMetadataName(DriverSurface.Types.Single(t => t.Type == type).MetadataName)!;
        }

        private static bool Exists(INamedTypeSymbol type, DriverMember member) => member.Kind switch
        {
            DriverMemberKind.Constructor => type.InstanceConstructors.Any(c => c.DeclaredAccessibility == Accessibility.Public),
            DriverMemberKind.Parameter => type.GetMembers().OfType<IMethodSymbol>().Any(m => m.Parameters.Any(p => p.Name == member.Name)),
            DriverMemberKind.Property => type.GetMembers(member.Name).OfType<IPropertySymbol>().Any(),
            _ => type.GetMembers(member.Name).OfType<IMethodSymbol>().Any(),
        };
    }
}
