namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// How far into the driver a connection string goes before it is used (docs/rules/MTA011.md): each layer refuses
    /// everything the one before it refuses, and more. Text that reaches no sink is judged by <see cref="ConnectionString"/>
    /// only, because a user without a password there may get the password apart (docs/helper.md).
    /// </summary>
    internal enum DriverLayer
    {
        /// <summary><c>new ConnectionString(text)</c>: the grammar and each option's value.</summary>
        ConnectionString,

        /// <summary><c>new MongoUrlBuilder(string)</c>: also the read preference.</summary>
        MongoUrlBuilder,

        /// <summary><c>new MongoUrl</c>, <c>MongoUrl.Create</c>: also the read preference, and (3.x) a host <c>[</c> or <c>[]</c>.</summary>
        MongoUrl,

        /// <summary><c>MongoClientSettings.FromConnectionString</c> and <c>new MongoClient(string)</c>: also the credential and the settings' own checks.</summary>
        ClientSettings,
    }
}
