using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA001, as the compiler and the tools load it: the host running <see cref="HardCodedCredentialsRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedCredentialsAnalyzer : MongoAnalyzerHost
    {
        public HardCodedCredentialsAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new HardCodedCredentialsRule()), SourceScreen.For)
        {
        }
    }
}
