using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.Screening;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>MTA003, as the compiler and the tools load it: the host running <see cref="CertificateValidationDisabledRule"/> alone.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CertificateValidationDisabledAnalyzer : MongoAnalyzerHost
    {
        public CertificateValidationDisabledAnalyzer()
            : base(ImmutableArray.Create<MongoRule>(new CertificateValidationDisabledRule()), SourceScreen.For)
        {
        }
    }
}
