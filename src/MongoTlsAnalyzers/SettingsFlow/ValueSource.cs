namespace MongoTlsAnalyzers.SettingsFlow
{
    /// <summary>Where a run-time value comes from, for MTA004's message.</summary>
    internal sealed class ValueSource
    {
        public ValueSource(string description, string name, bool isCodeMember = false)
        {
            Description = description;
            Name = name;
            IsCodeMember = isCodeMember;
        }

        /// <summary>For example "the configuration key 'Mongo:AllowInsecureTls'".</summary>
        public string Description { get; }

        /// <summary>The key, member, variable or parameter name, for the "about insecurity" test.</summary>
        public string Name { get; }

        /// <summary>
        /// A field, property or method of the code (not configuration, options, an environment variable or a
        /// parameter): MTA004's message then does not call a change to it a configuration change.
        /// </summary>
        public bool IsCodeMember { get; }

        /// <summary>
        /// True when the name says the value is about insecure TLS (docs/rules/MTA003, MTA004): it contains
        /// insecure, invalid, verif, validat or skip.
        /// </summary>
        public bool IsAboutInsecurity
        {
            get
            {
                var name = Name.ToLowerInvariant();
                return name.Contains("insecure") || name.Contains("invalid") || name.Contains("verif") || name.Contains("validat") || name.Contains("skip");
            }
        }
    }
}
