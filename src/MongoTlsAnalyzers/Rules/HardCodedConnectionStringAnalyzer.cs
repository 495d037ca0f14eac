using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA002, as the compiler and the tools load it: the host running <see cref="HardCodedConnectionStringRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HardCodedConnectionStringAnalyzer : MongoAnalyzerHost
    {
        public HardCodedConnectionStringAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new HardCodedConnectionStringRule()), SourceScreen.For)
        {
        }
    }
}
