using Microsoft.CodeAnalysis;

namespace MongoTlsAnalyzers.CodeFixes.Engine
{
    /// <summary>
    /// What a fix may use beyond one diagnostic's facts: whether the project references the runtime helper
    /// (MongoTlsAnalyzers.Settings), which decides between the helper's code and plain BCL code. Read once per
    /// request from the compilation by type name, never by searching the document.
    /// </summary>
    internal sealed class FixScope
    {
        public const string HelperSettingsType = "MongoTlsAnalyzers.Settings.SecureMongoSettings";

        private FixScope(bool helperReferenced)
        {
            HelperReferenced = helperReferenced;
        }

        public bool HelperReferenced { get; }

        public static FixScope Of(Compilation? compilation) => new FixScope(compilation?.GetTypeByMetadataName(HelperSettingsType) is not null);
    }
}
