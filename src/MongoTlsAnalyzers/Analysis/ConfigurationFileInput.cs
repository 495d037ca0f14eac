using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MongoTlsAnalyzers.ConfigurationFiles;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>One configuration file being analysed: its text, what it is, and the analyzer options of its path.</summary>
    internal sealed class ConfigurationFileInput
    {
        private readonly AnalyzerConfigOptions _config;
        private readonly ConcurrentDictionary<string, ReportDiagnostic> _severities = new ConcurrentDictionary<string, ReportDiagnostic>();

        public ConfigurationFileInput(string path, SourceText text, ConfigurationFileRole role, AnalyzerConfigOptions config, DriverProfile profile)
        {
            Path = path;
            Text = text;
            Role = role;
            _config = config;
            Options = MongoTlsOptionsReader.Get(config);
            Profile = profile;
        }

        public string Path { get; }

        public string FileName => Path.Substring(Math.Max(Path.LastIndexOf('/'), Path.LastIndexOf('\\')) + 1);

        public SourceText Text { get; }

        public ConfigurationFileRole Role { get; }

        public MongoTlsOptions Options { get; }

        public DriverProfile Profile { get; }

        /// <summary>
        /// The severity that the .editorconfig sections of this path give the rule, the descriptor's default when none
        /// does, or null when the rule is turned off (<c>none</c>). The compiler applies <c>dotnet_diagnostic.&lt;id&gt;.severity</c>
        /// from .editorconfig only to source files and does not pass it to analyzers (dotnet/roslyn#31916), so for a JSON
        /// path the key is <c>mongo_tls.json_severity.&lt;id&gt;</c>; <c>dotnet_diagnostic.&lt;id&gt;.severity</c> is read too, for
        /// hosts that pass it. A global config's <c>dotnet_diagnostic</c> severity applies on top, as for any diagnostic.
        /// </summary>
        public DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor)
        {
            var setting = _severities.GetOrAdd(descriptor.Id, id =>
                _config.TryGetValue(MongoTlsOptionsReader.JsonSeverityKeyPrefix + id, out var text) || _config.TryGetValue("dotnet_diagnostic." + id + ".severity", out text)
                    ? Parse(text)
                    : ReportDiagnostic.Default);
            return setting switch
            {
                ReportDiagnostic.Suppress => null,
                ReportDiagnostic.Error => DiagnosticSeverity.Error,
                ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
                ReportDiagnostic.Info => DiagnosticSeverity.Info,
                ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
                _ => descriptor.DefaultSeverity,
            };
        }

        /// <summary>The values .editorconfig accepts for a severity, as the compiler reads them; anything else keeps the default.</summary>
        private static ReportDiagnostic Parse(string? text) => text?.Trim().ToLowerInvariant() switch
        {
            "error" => ReportDiagnostic.Error,
            "warning" or "warn" => ReportDiagnostic.Warn,
            "suggestion" or "info" => ReportDiagnostic.Info,
            "silent" or "hidden" or "refactoring" => ReportDiagnostic.Hidden,
            "none" or "suppress" => ReportDiagnostic.Suppress,
            _ => ReportDiagnostic.Default,
        };
    }
}
