namespace MongoTlsAnalyzers.Descriptors
{
    /// <summary>Diagnostic categories, as shown in the IDE's error list.</summary>
    public static class RuleCategories
    {
        public const string Configuration = "Configuration";
        public const string Security = "Security";
        public const string Reliability = "Reliability";
    }
}
