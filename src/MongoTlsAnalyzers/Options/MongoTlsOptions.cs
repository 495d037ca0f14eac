using System.Collections.Immutable;

namespace MongoTlsAnalyzers.Options
{
    /// <summary>The <c>mongo_tls.*</c> settings that apply to one syntax tree (docs/architecture.md "Options").</summary>
    internal sealed class MongoTlsOptions
    {
        public static readonly MongoTlsOptions Default = new MongoTlsOptions(
            ImmutableArray<string>.Empty,
            debugIsDevelopment: true,
            analyzeTestProjects: false,
            TimeoutFloors.Default,
            ImmutableArray<OptionError>.Empty,
            ceilings: TimeoutCeilings.Default);

        public MongoTlsOptions(
            ImmutableArray<string> developmentGuardMethods,
            bool debugIsDevelopment,
            bool analyzeTestProjects,
            TimeoutFloors floors,
            ImmutableArray<OptionError> errors,
            bool sourceScreen = true,
            TimeoutCeilings? ceilings = null)
        {
            Ceilings = ceilings ?? TimeoutCeilings.Default;
            SourceScreen = sourceScreen;
            DevelopmentGuardMethods = developmentGuardMethods;
            DebugIsDevelopment = debugIsDevelopment;
            AnalyzeTestProjects = analyzeTestProjects;
            Floors = floors;
            Errors = errors;
        }

        /// <summary>Extra guard methods, as <c>Namespace.Type.Method</c>.</summary>
        public ImmutableArray<string> DevelopmentGuardMethods { get; }

        /// <summary>Whether <c>#if DEBUG</c> and <c>[Conditional("DEBUG")]</c> count as Development guards.</summary>
        public bool DebugIsDevelopment { get; }

        /// <summary>Whether the rules that are silent in test projects run there anyway.</summary>
        public bool AnalyzeTestProjects { get; }

        public TimeoutFloors Floors { get; }

        /// <summary>The recommended maximum of each timeout (<c>mongo_tls.max_*</c>).</summary>
        public TimeoutCeilings Ceilings { get; }

        /// <summary>
        /// Whether files that cannot hold anything the rules analyse are skipped (global only; default true). The
        /// switch exists to rule the screen out when a diagnostic seems missing.
        /// </summary>
        public bool SourceScreen { get; }

        /// <summary>Malformed values found while reading (reported as MTA000).</summary>
        public ImmutableArray<OptionError> Errors { get; }
    }
}
