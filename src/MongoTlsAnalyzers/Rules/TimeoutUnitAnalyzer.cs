using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA008, as the compiler and the tools load it: the host running <see cref="TimeoutUnitRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimeoutUnitAnalyzer : MongoAnalyzerHost
    {
        public TimeoutUnitAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new TimeoutUnitRule()), SourceScreen.For)
        {
        }
    }
}
