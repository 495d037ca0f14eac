using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA004, as the compiler and the tools load it: the host running <see cref="InsecureTlsFromConfigurationRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InsecureTlsFromConfigurationAnalyzer : MongoAnalyzerHost
    {
        public InsecureTlsFromConfigurationAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new InsecureTlsFromConfigurationRule()), SourceScreen.For)
        {
        }
    }
}
