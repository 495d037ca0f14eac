using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConfigurationFiles;
using MongoTlsAnalyzers.Descriptors;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Rules
{
    /// <summary>
    /// MTA000: a malformed <c>mongo_tls.*</c> value in .editorconfig (sections for C# files or for configuration files)
    /// or a global config. Each distinct bad
    /// value is reported once per compilation, at its end; the rules meanwhile use the default.
    /// </summary>
    internal sealed class InvalidOptionRule : MongoRule
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.InvalidOption);

        public override void Register(MongoAnalysisSession session)
        {
            var errors = new ConcurrentDictionary<OptionError, bool>();
            foreach (var error in MongoTlsOptionsReader.GetGlobal(session.Start.Options).Errors)
            {
                errors.TryAdd(error, true);
            }

            session.Start.RegisterSyntaxTreeAction(context =>
            {
                foreach (var error in MongoTlsOptionsReader.Get(context.Options, context.Tree).Errors)
                {
                    errors.TryAdd(error, true);
                }
            });

            // The .editorconfig sections that match a configuration file (docs/architecture.md "Options") are read by the rules too.
            session.Start.RegisterAdditionalFileAction(context =>
            {
                if (ConfigurationFileRole.FromPath(context.AdditionalFile.Path).IsConfigurationFile)
                {
                    foreach (var error in MongoTlsOptionsReader.Get(context.Options.AnalyzerConfigOptionsProvider.GetOptions(context.AdditionalFile)).Errors)
                    {
                        errors.TryAdd(error, true);
                    }
                }
            });

            session.Start.RegisterCompilationEndAction(context =>
            {
                var sorted = new List<OptionError>(errors.Keys);
                sorted.Sort((a, b) =>
                {
                    var byKey = string.CompareOrdinal(a.Key, b.Key);
                    return byKey != 0 ? byKey : string.CompareOrdinal(a.Value, b.Value);
                });

                foreach (var error in sorted)
                {
                    context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.InvalidOption, Location.None, error.Key, error.Value, error.Reason, error.DefaultValue));
                }
            });
        }
    }
}
