using System;
using System.Collections.Immutable;

namespace MongoTlsAnalyzers.Configuration
{
    /// <summary>The <c>mongo_tls.*</c> settings that apply to one syntax tree (DESIGN §5).</summary>
    internal sealed class MongoTlsOptions
    {
        public static readonly MongoTlsOptions Default = new MongoTlsOptions(
            ImmutableArray<string>.Empty,
            debugIsDevelopment: true,
            analyzeTestProjects: false,
            TimeoutFloors.Default,
            ImmutableArray<OptionError>.Empty);

        public MongoTlsOptions(
            ImmutableArray<string> developmentGuardMethods,
            bool debugIsDevelopment,
            bool analyzeTestProjects,
            TimeoutFloors floors,
            ImmutableArray<OptionError> errors,
            bool sourceScreen = true)
        {
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

        /// <summary>
        /// Whether files that cannot hold anything the rules analyse are skipped (global only; default true). The
        /// switch exists to rule the screen out when a diagnostic seems missing.
        /// </summary>
        public bool SourceScreen { get; }

        /// <summary>Malformed values found while reading (reported as MTA000).</summary>
        public ImmutableArray<OptionError> Errors { get; }
    }

    /// <summary>The recommended minimum of each driver timeout (DESIGN §3, MTA007).</summary>
    internal sealed class TimeoutFloors
    {
        public static readonly TimeoutFloors Default = new TimeoutFloors(
            serverSelection: TimeSpan.FromSeconds(12),
            connect: TimeSpan.FromSeconds(5),
            socket: TimeSpan.FromSeconds(10),
            waitQueue: TimeSpan.FromSeconds(1),
            heartbeatInterval: TimeSpan.FromMilliseconds(500));

        public TimeoutFloors(TimeSpan serverSelection, TimeSpan connect, TimeSpan socket, TimeSpan waitQueue, TimeSpan heartbeatInterval)
        {
            ServerSelection = serverSelection;
            Connect = connect;
            Socket = socket;
            WaitQueue = waitQueue;
            HeartbeatInterval = heartbeatInterval;
        }

        public TimeSpan ServerSelection { get; }

        public TimeSpan Connect { get; }

        public TimeSpan Socket { get; }

        public TimeSpan WaitQueue { get; }

        public TimeSpan HeartbeatInterval { get; }
    }

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
