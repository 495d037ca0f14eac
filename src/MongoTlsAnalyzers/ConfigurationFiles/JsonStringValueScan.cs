using System.Collections.Immutable;

namespace MongoTlsAnalyzers.ConfigurationFiles
{
    /// <summary>What <see cref="JsonStringValueReader"/> found in one file.</summary>
    internal sealed class JsonStringValueScan
    {
        public static readonly JsonStringValueScan TooLarge = new JsonStringValueScan(ImmutableArray<JsonStringValue>.Empty, isValid: false, rootIsObject: false, errorPosition: -1, wasSkipped: true);

        public JsonStringValueScan(ImmutableArray<JsonStringValue> values, bool isValid, bool rootIsObject, int errorPosition, bool wasSkipped = false)
        {
            Values = values;
            IsValid = isValid;
            RootIsObject = rootIsObject;
            ErrorPosition = errorPosition;
            WasSkipped = wasSkipped;
        }

        /// <summary>
        /// Every string value in document order. In an invalid file, those read before the error, each with a
        /// correct span: a value is only recorded once its closing quote has been read.
        /// </summary>
        public ImmutableArray<JsonStringValue> Values { get; }

        /// <summary>
        /// True when System.Text.Json, as the configuration reader configures it (comments skipped, trailing
        /// commas allowed, depth 64), accepts the text, ignoring one leading byte order mark. Duplicate keys are
        /// valid JSON: both values are kept, since both are in the file.
        /// </summary>
        public bool IsValid { get; }

        /// <summary>
        /// True when the root is an object. The configuration reader refuses any other root, so a valid file
        /// whose root is an array or a string is still not a configuration file.
        /// </summary>
        public bool RootIsObject { get; }

        /// <summary>
        /// What §3b calls a valid configuration file: valid JSON with an object at the root, which the configuration
        /// reader would load (duplicate keys aside). Only such a file gets diagnostics.
        /// </summary>
        public bool IsLoadableConfiguration => IsValid && RootIsObject;

        /// <summary>Where reading stopped on malformed text; -1 when the file is valid or was skipped.</summary>
        public int ErrorPosition { get; }

        /// <summary>True when the file was longer than <see cref="JsonStringValueReader.MaxFileLength"/> and was not read.</summary>
        public bool WasSkipped { get; }
    }
}
