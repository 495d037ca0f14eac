using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA006, as the compiler and the tools load it: the host running <see cref="CaConfigurationRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CaConfigurationAnalyzer : MongoAnalyzerHost
    {
        public CaConfigurationAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new CaConfigurationRule()), SourceScreen.For)
        {
        }
    }
}
