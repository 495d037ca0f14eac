using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Decides whether a member may hold anything a rule analyses, so that the host registers no operation action
    /// for the rest. The implementation (<c>Screening.SourceScreen</c>) sits above this folder; the host is handed it.
    /// </summary>
    internal interface IMemberScreen
    {
        /// <summary>True when something in <paramref name="span"/> of <paramref name="tree"/> may be analysed by a rule.</summary>
        bool MayMatter(SyntaxTree tree, TextSpan span);
    }
}
