namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>How a <see cref="DriverMember"/> is used in source.</summary>
    internal enum DriverMemberKind
    {
        Property,
        Method,
        Constructor,

        /// <summary>A parameter of a method or constructor of the type, by name (<c>With(enabledProtocols: ...)</c>).</summary>
        Parameter,
    }
}
