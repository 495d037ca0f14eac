namespace MongoTlsAnalyzers.Folding
{
    /// <summary>What the start of a string expression is known to be, as <see cref="ConstantFolder.Fold"/> would fold it.</summary>
    internal enum LeadingKind
    {
        /// <summary>The whole expression folds to <see cref="LeadingText.Text"/>.</summary>
        Complete,

        /// <summary>The fold starts with <see cref="LeadingText.Text"/> (possibly empty) and then a value not known at compile time.</summary>
        ThenHole,

        /// <summary>At least <see cref="LeadingText.Enough"/> characters are known; the rest was not looked at.</summary>
        Enough,

        /// <summary>This screen cannot tell; fold the whole expression.</summary>
        Unknown,
    }
}
