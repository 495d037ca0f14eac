using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// One rule (or one family of IDs that share an analysis) of the package. Rules are not analyzers of their own:
    /// the one host analyzer (<see cref="MongoAnalyzerHost"/>) runs them all, so Roslyn pays one registration of
    /// each kind, not one per rule (docs/architecture.md "From a syntax node to a diagnostic"). A rule only registers what it looks at,
    /// asks the model for its findings, and reports them.
    /// </summary>
    internal abstract class MongoRule
    {
        /// <summary>The descriptors the rule reports.</summary>
        public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

        /// <summary>
        /// Registers the rule's actions for one compilation that references the driver. Actions of a rule that is
        /// silent in test code are skipped there by the session (see <c>TestCodeScope</c>), not by the rule.
        /// </summary>
        public abstract void Register(MongoAnalysisSession session);

        /// <summary>True for a URI-text rule that also applies to JSON configuration files (docs/architecture.md "Configuration files").</summary>
        public virtual bool ReadsConfigurationFiles => false;

        /// <summary>
        /// Applies the rule to one MongoDB URI of a configuration file, with the same URI-level decisions as its C# path
        /// (they live below Rules/, so both paths ask one place). Called only when <see cref="ReadsConfigurationFiles"/>.
        /// </summary>
        public virtual void AnalyzeConfigurationUri(ConfigurationUri found)
        {
        }
    }
}
