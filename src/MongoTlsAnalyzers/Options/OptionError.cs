using System;

namespace MongoTlsAnalyzers.Options
{
    /// <summary>One malformed option value.</summary>
    internal sealed class OptionError : IEquatable<OptionError>
    {
        public OptionError(string key, string value, string reason, string defaultValue)
        {
            Key = key;
            Value = value;
            Reason = reason;
            DefaultValue = defaultValue;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }

        public string DefaultValue { get; }

        public bool Equals(OptionError? other) =>
            other is not null && Key == other.Key && Value == other.Value;

        public override bool Equals(object? obj) => Equals(obj as OptionError);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key) ^ StringComparer.Ordinal.GetHashCode(Value);
    }
}
