namespace MongoTlsAnalyzers.Settings.Tests.Peers
{
    /// <summary>
    /// The tests that start real TLS peers run one at a time (the machine is shared) and share one
    /// <see cref="TestCertificates"/>, which xunit disposes after the last of them: the folder with the private
    /// keys is deleted.
    /// </summary>
    [CollectionDefinition(Name)]
    public sealed class RealTlsCollection : ICollectionFixture<TestCertificates>
    {
        public const string Name = "real TLS peers";
    }
}
