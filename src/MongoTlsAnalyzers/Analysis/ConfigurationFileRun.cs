using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MongoTlsAnalyzers.ConfigurationFiles;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Descriptors;

namespace MongoTlsAnalyzers.Analysis
{
    /// <summary>
    /// Applies a host's rules to the JSON configuration files among the compilation's additional files (docs/architecture.md "Configuration files"):
    /// one additional-file action per host, so that the diagnostics are the compiler's own, at exact file positions, in
    /// the build output and SARIF. Each file is read once per compilation whatever the number of hosts (the scan is a
    /// part of the shared model), only when the driver is referenced (there is no model otherwise), never when it is
    /// over 1 MB, under <c>bin/</c> or <c>obj/</c>, or not loadable configuration.
    /// </summary>
    internal sealed class ConfigurationFileRun
    {
        private readonly MongoCompilationModel _model;
        private readonly CompilationRun _run;
        private readonly ImmutableArray<MongoRule> _rules;
        private readonly string? _projectDirectory;

        // A file listed twice as an additional file (by the user and by the package) is analysed once.
        private readonly ConcurrentDictionary<string, bool> _analysed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        private ConfigurationFileRun(MongoCompilationModel model, CompilationRun run, ImmutableArray<MongoRule> rules, string? projectDirectory)
        {
            _model = model;
            _run = run;
            _rules = rules;
            _projectDirectory = projectDirectory;
        }

        /// <summary>Registers the additional-file action when at least one of <paramref name="rules"/> reads configuration files.</summary>
        public static void Register(CompilationStartAnalysisContext start, MongoCompilationModel model, CompilationRun run, ImmutableArray<MongoRule> rules)
        {
            var readers = ImmutableArray.CreateBuilder<MongoRule>();
            foreach (var rule in rules)
            {
                if (rule.ReadsConfigurationFiles)
                {
                    readers.Add(rule);
                }
            }

            if (readers.Count == 0 || start.Options.AdditionalFiles.IsEmpty)
            {
                return;
            }

            start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.MSBuildProjectDirectory", out var projectDirectory);
            var fileRun = new ConfigurationFileRun(model, run, readers.ToImmutable(), string.IsNullOrWhiteSpace(projectDirectory) ? null : projectDirectory);
            start.RegisterAdditionalFileAction(fileRun.Analyze);
        }

        private void Analyze(AdditionalFileAnalysisContext context)
        {
            var file = context.AdditionalFile;
            var path = file.Path;
            var role = ConfigurationFileRole.FromPath(path);
            if (!role.IsConfigurationFile || IsBuildOutput(path) || !_analysed.TryAdd(path, true))
            {
                return;
            }

            var scanned = ConfigurationFileScans.For(_model).Get(file, context.CancellationToken);
            if (scanned is null)
            {
                return;
            }

            var config = context.Options.AnalyzerConfigOptionsProvider.GetOptions(file);
            var input = new ConfigurationFileInput(path, scanned.Value.Text, role, config, _model.Profile);
            var silentInTests = _run.IsTestProject && !input.Options.AnalyzeTestProjects;
            Action<Diagnostic> report = context.ReportDiagnostic;
            foreach (var value in scanned.Value.Scan.Values)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!IsUriText(value.Value) || !role.Includes(value) || _model.ParseUri(value.Value) is not { } uri)
                {
                    continue;
                }

                var found = new ConfigurationUri(input, value, uri, report);
                foreach (var rule in _rules)
                {
                    if (silentInTests && AllSilentInTestCode(rule))
                    {
                        continue;
                    }

                    rule.AnalyzeConfigurationUri(found);
                }
            }
        }

        /// <summary>A MongoDB URI, not the scheme alone (docs/architecture.md "Where the rules look").</summary>
        private static bool IsUriText(string text) =>
            MongoUri.HasMongoScheme(text) && text.Length > (text.StartsWith(MongoUri.SrvPrefix, StringComparison.Ordinal) ? MongoUri.SrvPrefix.Length : MongoUri.StandardPrefix.Length);

        /// <summary>
        /// True for a copy under the project's <c>bin/</c> or <c>obj/</c> (the build copies appsettings.json there). Without
        /// the project directory (a compilation not built by the package's targets), any <c>bin</c> or <c>obj</c> folder counts.
        /// </summary>
        private bool IsBuildOutput(string path)
        {
            var relative = path;
            if (_projectDirectory is { } directory && path.StartsWith(directory, StringComparison.OrdinalIgnoreCase))
            {
                relative = path.Substring(directory.Length);
            }

            foreach (var segment in relative.Split('/', '\\'))
            {
                if (string.Equals(segment, "bin", StringComparison.OrdinalIgnoreCase) || string.Equals(segment, "obj", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool AllSilentInTestCode(MongoRule rule)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (!TestCodeScope.IsSilentInTestCode(descriptor.Id))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
