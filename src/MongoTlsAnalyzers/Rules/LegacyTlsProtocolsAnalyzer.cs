using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA010, as the compiler and the tools load it: the host running <see cref="LegacyTlsProtocolsRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class LegacyTlsProtocolsAnalyzer : MongoAnalyzerHost
    {
        public LegacyTlsProtocolsAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new LegacyTlsProtocolsRule()), SourceScreen.For)
        {
        }
    }
}
