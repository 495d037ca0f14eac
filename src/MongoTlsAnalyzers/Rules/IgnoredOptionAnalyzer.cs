using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA005, as the compiler and the tools load it: the host running <see cref="IgnoredOptionRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class IgnoredOptionAnalyzer : MongoAnalyzerHost
    {
        public IgnoredOptionAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new IgnoredOptionRule()), SourceScreen.For)
        {
        }
    }
}
