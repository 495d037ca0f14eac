using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Tests.Infrastructure;

namespace MongoTlsAnalyzers.Tests.Fixes
{
    /// <summary>The typed contract from a rule to its fixes: what the analyzer writes, the fix reads back unchanged.</summary>
    public sealed class FixFactsTests
    {
        [Fact]
        public void EveryFactRoundTrips()
        {
            var facts = new FixFacts
            {
                Setting = SettingForm.InitializerMember,
                Guard = GuardForm.InitializerValue,
                Environment = "builder.Environment",
                Sink = SinkKind.SettingsFromConnectionString,
                SinkSpan = new TextSpan(10, 42),
                RemoveEdit = new LiteralEdit(3, 9, string.Empty),
                ReplaceEdit = new LiteralEdit(5, 2, "connectTimeoutMS"),
                EnableTlsEdit = new LiteralEdit(7, 0, "tls=true&"),
                EnableTlsAndRemoveEdit = new LiteralEdit(7, 16, "tls=true"),
                PieceSpan = new TextSpan(120, 33),
                ExplicitTlsOff = true,
                CanEnableTlsBefore = true,
                EnableTlsOnEnclosingSettings = true,
                ReplaceableCallback = true,
                ConvertibleInPlace = true,
                FloorTicks = 50_000_000,
                Suggestion = "tlsInsecure",
                CaProblem = CaProblem.ClientCertificate,
                CaFile = "certs/ca|root.pem",
                CertificateCanBecomeValidator = true,
                InType = true,
                Shape = ValueShape.Declaration,
                Secret = SecretKind.Host,
            };

            Assert.Equal(facts, FixFacts.From(facts.ToProperties()));
        }

        [Fact]
        public void DefaultsWriteNothing()
        {
            Assert.Empty(new FixFacts().ToProperties());
            Assert.Equal(FixFacts.None, FixFacts.From(ImmutableDictionary<string, string?>.Empty));
        }

        /// <summary>A value this version cannot read (an older or newer analyzer, a hand-made diagnostic) reads as "not known", so no fix is offered on it.</summary>
        [Fact]
        public void UnreadableValuesReadAsDefaults()
        {
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add("Setting", "Sideways")
                .Add("Sink", "42")
                .Add("RemoveEdit", "x|y")
                .Add("FloorTicks", "-5")
                .Add("ExplicitTlsOff", "yes")
                .Add("UserName", "admin");

            var facts = FixFacts.From(properties);

            Assert.Equal(SettingForm.None, facts.Setting);
            Assert.Equal(SinkKind.None, facts.Sink);
            Assert.Null(facts.RemoveEdit);
            Assert.Null(facts.FloorTicks);
            Assert.False(facts.ExplicitTlsOff);
        }

        /// <summary>A fact no fix reads is dead weight in every diagnostic: each one is read in the code-fix assembly.</summary>
        [Fact]
        public void EveryFactIsReadByAFix()
        {
            var fixes = string.Join(
                "\n",
                Directory.GetFiles(RepositoryPaths.Combine("src", "MongoTlsAnalyzers.CodeFixes"), "*.cs", SearchOption.AllDirectories)
                    .Where(path => !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                    .Select(File.ReadAllText));
            var unread = typeof(FixFacts).GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => p.Name)
                .Where(name => !Regex.IsMatch(fixes, @"(\.|\{ |, )" + name + @"\b", RegexOptions.None, System.TimeSpan.FromSeconds(5)))
                .ToList();
            Assert.Empty(unread);
        }
    }
}
