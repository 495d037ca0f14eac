using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA011, as the compiler and the tools load it: the host running <see cref="ConnectionStringRejectedRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConnectionStringRejectedAnalyzer : MongoAnalyzerHost
    {
        public ConnectionStringRejectedAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new ConnectionStringRejectedRule()), SourceScreen.For)
        {
        }
    }
}
