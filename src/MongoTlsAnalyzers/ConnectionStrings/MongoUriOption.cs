using System;
using Microsoft.CodeAnalysis.Text;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>One <c>name=value</c> option.</summary>
    internal sealed class MongoUriOption
    {
        public MongoUriOption(
            string name,
            TextSpan nameSpan,
            string rawValue,
            TextSpan valueSpan,
            TextSpan span,
            KnownUriOption? known)
        {
            Name = name;
            NameSpan = nameSpan;
            RawValue = rawValue;
            ValueSpan = valueSpan;
            Span = span;
            Known = known;
        }

        /// <summary>The name as written, trimmed.</summary>
        public string Name { get; }

        public TextSpan NameSpan { get; }

        /// <summary>The value as written (trimmed, still percent-encoded). The driver reads only the text
        /// up to a second <c>=</c>, so that is what this holds.</summary>
        public string RawValue { get; }

        /// <summary>The percent-decoded value (the driver does not decode authMechanismProperties).</summary>
        public string Value => string.Equals(Name, "authmechanismproperties", StringComparison.OrdinalIgnoreCase)
            ? RawValue
            : PercentDecoding.Decode(RawValue);

        public TextSpan ValueSpan { get; }

        /// <summary>The span of the whole <c>name=value</c> segment.</summary>
        public TextSpan Span { get; }

        /// <summary>The driver's option, or null when the driver ignores this name.</summary>
        public KnownUriOption? Known { get; }

        public bool IsKnown => Known is not null;

        /// <summary>What the option means to the rules; <see cref="UriOptionRole.None"/> for an unknown option.</summary>
        public UriOptionRole Role => Known?.Role ?? UriOptionRole.None;

        /// <summary>
        /// True when the driver silently ignores the option (its <c>AllUnknownOptionNames</c>): an unknown name, or a
        /// value the driver drops in part. A name with a hole is not known to be ignored.
        /// </summary>
        public bool IsIgnoredByDriver => Name.Length > 0 && ((Known is null && Name.IndexOf(MongoUri.HoleChar) < 0) || HasIgnoredValue);

        public bool HasHole => Name.IndexOf(MongoUri.HoleChar) >= 0 || RawValue.IndexOf(MongoUri.HoleChar) >= 0;

        /// <summary>
        /// True for <c>tlsInsecure=true</c> and <c>sslVerifyCertificate=false</c>: the option turns server certificate
        /// validation off. One decision for every source of URI text (C# and configuration files).
        /// </summary>
        public bool DisablesCertificateValidation => Role switch
        {
            UriOptionRole.InsecureTls => Boolean == true,
            UriOptionRole.VerifyCertificate => Boolean == false,
            _ => false,
        };

        /// <summary>True for <c>tls=false</c> and <c>ssl=false</c>.</summary>
        public bool TurnsTlsOff => Role == UriOptionRole.TlsSwitch && Boolean == false;

        /// <summary>The boolean value, when the option is a boolean and its value reads as one.</summary>
        public bool? Boolean { get; internal set; }

        /// <summary>The duration, when the option is a timeout and its value reads as one.</summary>
        public TimeSpan? Duration { get; internal set; }

        /// <summary>How a timeout's number was read (seconds by default for names without MS).</summary>
        public UriDuration.Unit DurationUnit { get; internal set; }

        /// <summary>True when the driver ignores part of the value (an unsupported compressor).</summary>
        public bool HasIgnoredValue { get; internal set; }

        /// <summary>Why the driver refuses this value, or null.</summary>
        public string? Error { get; internal set; }
    }
}
