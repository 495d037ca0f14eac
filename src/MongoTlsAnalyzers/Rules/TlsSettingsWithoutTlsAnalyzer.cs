using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA009, as the compiler and the tools load it: the host running <see cref="TlsSettingsWithoutTlsRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TlsSettingsWithoutTlsAnalyzer : MongoAnalyzerHost
    {
        public TlsSettingsWithoutTlsAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new TlsSettingsWithoutTlsRule()), SourceScreen.For)
        {
        }
    }
}
