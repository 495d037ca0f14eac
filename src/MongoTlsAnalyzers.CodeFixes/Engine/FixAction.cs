using System;
using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// One row of a fixer's table: the title it shows for a diagnostic (null when it is not offered for that
    /// diagnostic, decided from the diagnostic's properties), the equivalence key Fix All groups by, and the edit.
    /// </summary>
    internal sealed class FixAction
    {
        public FixAction(string equivalenceKey, Func<Diagnostic, string?> title, DiagnosticEdits.EditRegistrar edit)
        {
            EquivalenceKey = equivalenceKey;
            Title = title;
            Edit = edit;
        }

        public string EquivalenceKey { get; }

        public Func<Diagnostic, string?> Title { get; }

        public DiagnosticEdits.EditRegistrar Edit { get; }

        /// <summary>An action offered for every diagnostic of the fixer, with a fixed title.</summary>
        public static FixAction Always(string equivalenceKey, string title, DiagnosticEdits.EditRegistrar edit) =>
            new FixAction(equivalenceKey, _ => title, edit);
    }
}
