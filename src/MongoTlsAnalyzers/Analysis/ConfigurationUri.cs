using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// One MongoDB URI found as a string value of a JSON configuration file (docs/architecture.md "Configuration files"), as a rule sees it: the parsed
    /// URI, what the file is, the options that apply to the file's path, and a report that places a diagnostic at the
    /// exact file position of a span of the URI's text.
    /// </summary>
    internal sealed class ConfigurationUri
    {
        private readonly ConfigurationFileInput _file;
        private readonly Action<Diagnostic> _report;

        internal ConfigurationUri(ConfigurationFileInput file, JsonStringValue value, MongoUri uri, Action<Diagnostic> report)
        {
            _file = file;
            Value = value;
            Uri = uri;
            _report = report;
        }

        /// <summary>The URI; its text is the decoded JSON string, so its spans are offsets into <see cref="JsonStringValue.Value"/>.</summary>
        public MongoUri Uri { get; }

        public JsonStringValue Value { get; }

        public ConfigurationFileRole Role => _file.Role;

        /// <summary>The file name as the user knows it (<c>appsettings.json</c>), for messages.</summary>
        public string FileName => _file.FileName;

        /// <summary>The <c>mongo_tls.*</c> options of the .editorconfig sections that match the file's path (global ones otherwise).</summary>
        public MongoTlsOptions Options => _file.Options;

        public DriverProfile Profile => _file.Profile;

        /// <summary>
        /// The configuration key as an environment variable name, which is what replaces the committed value:
        /// <c>ConnectionStrings__MongoDB</c> for <c>ConnectionStrings:MongoDB</c>; in a launch profile, the variable itself.
        /// </summary>
        public string EnvironmentVariable => Role.IsLocalLaunchProfile ? Value.GetKeySegment(3) : Value.KeyPath.Replace(":", "__");

        /// <summary>The configuration key (for a launch profile, the environment variable it sets).</summary>
        public string Key => Role.IsLocalLaunchProfile ? Value.GetKeySegment(3) : Value.KeyPath;

        /// <summary>
        /// Reports <paramref name="descriptor"/> on the file text of <paramref name="uriSpan"/> (an escape such as
        /// <c>\u0040</c> is covered whole). A rule silent in Development files (<c>DevelopmentFileScope</c>) is dropped
        /// there, and a severity set for the file's path in .editorconfig is applied here, because the compiler applies
        /// .editorconfig severities only to source files (dotnet/roslyn#31916); a global config applies as usual.
        /// </summary>
        public void Report(DiagnosticDescriptor descriptor, TextSpan uriSpan, params object?[] messageArguments)
        {
            if (Role.IsDevelopment && DevelopmentFileScope.IsSilentInDevelopmentFiles(descriptor.Id))
            {
                return;
            }

            var severity = _file.SeverityOf(descriptor);
            if (severity is null)
            {
                return;
            }

            var span = Value.GetSourceSpan(uriSpan.Start, uriSpan.Length);
            var location = Location.Create(_file.Path, span, _file.Text.Lines.GetLinePositionSpan(span));
            _report(Diagnostic.Create(descriptor, location, severity.Value, additionalLocations: null, properties: null, messageArguments));
        }
    }
}
