using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA007, as the compiler and the tools load it: the host running <see cref="TimeoutRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TimeoutAnalyzer : MongoAnalyzerHost
    {
        public TimeoutAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new TimeoutRule()), SourceScreen.For)
        {
        }
    }
}
