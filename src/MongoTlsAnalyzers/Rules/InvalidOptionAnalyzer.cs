using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA000, as the compiler and the tools load it: the host running <see cref="InvalidOptionRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class InvalidOptionAnalyzer : MongoAnalyzerHost
    {
        public InvalidOptionAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new InvalidOptionRule()), SourceScreen.For)
        {
        }
    }
}
