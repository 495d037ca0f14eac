using System;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// One row of a fixer's table: the title it shows for a diagnostic, decided from the diagnostic's id and
    /// <see cref="FixFacts"/> and the <see cref="FixScope"/> alone (null when the action is not offered for it), the
    /// equivalence key Fix All groups by, and the edit, which runs only when the action does.
    /// </summary>
    internal sealed class FixAction
    {
        public FixAction(string equivalenceKey, Func<string, FixFacts, FixScope, string?> title, DiagnosticEdits.EditRegistrar edit)
        {
            EquivalenceKey = equivalenceKey;
            Title = title;
            Edit = edit;
        }

        public string EquivalenceKey { get; }

        /// <summary>The title for a diagnostic of the given id with the given facts, or null.</summary>
        public Func<string, FixFacts, FixScope, string?> Title { get; }

        public DiagnosticEdits.EditRegistrar Edit { get; }

        /// <summary>An action offered for every diagnostic of the fixer, with a fixed title.</summary>
        public static FixAction Always(string equivalenceKey, string title, DiagnosticEdits.EditRegistrar edit) =>
            new FixAction(equivalenceKey, (_, _, _) => title, edit);

        /// <summary>An action offered when <paramref name="isOffered"/> holds for the facts, with a fixed title.</summary>
        public static FixAction When(string equivalenceKey, string title, Func<FixFacts, bool> isOffered, DiagnosticEdits.EditRegistrar edit) =>
            new FixAction(equivalenceKey, (_, facts, _) => isOffered(facts) ? title : null, edit);
    }
}
