using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MongoTlsAnalyzers.Options
{
    /// <summary>
    /// Reads <c>mongo_tls.*</c> keys from .editorconfig (per syntax tree) and from global analyzer config.
    /// A malformed value never throws: it is recorded as an <see cref="OptionError"/> and the default is used.
    /// </summary>
    internal static class MongoTlsOptionsReader
    {
        public const string DevelopmentGuardMethodsKey = "mongo_tls.development_guard_methods";
        public const string DebugIsDevelopmentKey = "mongo_tls.debug_is_development";
        public const string AnalyzeTestProjectsKey = "mongo_tls.analyze_test_projects";
        public const string MinServerSelectionTimeoutKey = "mongo_tls.min_server_selection_timeout";
        public const string MinConnectTimeoutKey = "mongo_tls.min_connect_timeout";
        public const string MinSocketTimeoutKey = "mongo_tls.min_socket_timeout";
        public const string MinWaitQueueTimeoutKey = "mongo_tls.min_wait_queue_timeout";
        public const string MinHeartbeatIntervalKey = "mongo_tls.min_heartbeat_interval";
        public const string MaxServerSelectionTimeoutKey = "mongo_tls.max_server_selection_timeout";
        public const string MaxConnectTimeoutKey = "mongo_tls.max_connect_timeout";
        public const string MaxWaitQueueTimeoutKey = "mongo_tls.max_wait_queue_timeout";
        public const string MaxHeartbeatIntervalKey = "mongo_tls.max_heartbeat_interval";
        public const string SourceScreenKey = "mongo_tls.source_screen";

        /// <summary>
        /// <c>mongo_tls.json_severity.MTA001 = error</c>: a rule's severity in the JSON configuration files an .editorconfig
        /// section matches (the compiler does not apply <c>dotnet_diagnostic</c> severities to them; docs/rules/MTA000.md).
        /// </summary>
        public const string JsonSeverityKeyPrefix = "mongo_tls.json_severity.";

        private static readonly ConditionalWeakTable<AnalyzerConfigOptions, MongoTlsOptions> Cache =
            new ConditionalWeakTable<AnalyzerConfigOptions, MongoTlsOptions>();

        /// <summary>The options for <paramref name="tree"/>, cached per options object.</summary>
        public static MongoTlsOptions Get(AnalyzerOptions options, SyntaxTree tree) =>
            Get(options.AnalyzerConfigOptionsProvider.GetOptions(tree));

        public static MongoTlsOptions GetGlobal(AnalyzerOptions options) =>
            Get(options.AnalyzerConfigOptionsProvider.GlobalOptions);

        public static MongoTlsOptions Get(AnalyzerConfigOptions configOptions) =>
            Cache.GetValue(configOptions, Read);

        private static MongoTlsOptions Read(AnalyzerConfigOptions options)
        {
            var errors = new List<OptionError>();
            var defaults = TimeoutFloors.Default;

            var guards = ImmutableArray<string>.Empty;
            if (options.TryGetValue(DevelopmentGuardMethodsKey, out var guardText) && guardText is not null)
            {
                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var part in guardText.Split(','))
                {
                    var name = part.Trim();
                    if (name.Length == 0)
                    {
                        continue;
                    }

                    if (IsQualifiedMethodName(name))
                    {
                        builder.Add(name);
                    }
                    else
                    {
                        errors.Add(new OptionError(DevelopmentGuardMethodsKey, guardText, "'" + name + "' is not a fully qualified method name such as MyCompany.Hosting.EnvironmentExtensions.IsLocal", "no extra guard methods"));
                    }
                }

                guards = builder.ToImmutable();
            }

            var debugIsDevelopment = ReadBoolean(options, DebugIsDevelopmentKey, defaultValue: true, errors);
            var analyzeTestProjects = ReadBoolean(options, AnalyzeTestProjectsKey, defaultValue: false, errors);
            var sourceScreen = ReadBoolean(options, SourceScreenKey, defaultValue: true, errors);
            var floors = new TimeoutFloors(
                ReadDuration(options, MinServerSelectionTimeoutKey, defaults.ServerSelection, errors),
                ReadDuration(options, MinConnectTimeoutKey, defaults.Connect, errors),
                ReadDuration(options, MinSocketTimeoutKey, defaults.Socket, errors),
                ReadDuration(options, MinWaitQueueTimeoutKey, defaults.WaitQueue, errors),
                ReadDuration(options, MinHeartbeatIntervalKey, defaults.HeartbeatInterval, errors));

            var defaultCeilings = TimeoutCeilings.Default;
            var ceilings = new TimeoutCeilings(
                ReadCeiling(options, MaxServerSelectionTimeoutKey, defaultCeilings.ServerSelection, errors),
                ReadCeiling(options, MaxConnectTimeoutKey, defaultCeilings.Connect, errors),
                ReadCeiling(options, MaxWaitQueueTimeoutKey, defaultCeilings.WaitQueue, errors),
                ReadCeiling(options, MaxHeartbeatIntervalKey, defaultCeilings.HeartbeatInterval, errors));

            return new MongoTlsOptions(guards, debugIsDevelopment, analyzeTestProjects, floors, errors.ToImmutableArray(), sourceScreen, ceilings);
        }

        private static bool ReadBoolean(AnalyzerConfigOptions options, string key, bool defaultValue, List<OptionError> errors)
        {
            if (!options.TryGetValue(key, out var text) || text is null)
            {
                return defaultValue;
            }

            switch (text.Trim().ToLowerInvariant())
            {
                case "true":
                    return true;
                case "false":
                    return false;
                default:
                    errors.Add(new OptionError(key, text, "expected true or false", defaultValue ? "true" : "false"));
                    return defaultValue;
            }
        }

        private static TimeSpan ReadDuration(AnalyzerConfigOptions options, string key, TimeSpan defaultValue, List<OptionError> errors)
        {
            if (!options.TryGetValue(key, out var text) || text is null)
            {
                return defaultValue;
            }

            if (TryParseDuration(text, out var value, out var reason))
            {
                return value;
            }

            errors.Add(new OptionError(key, text, reason, FormatDuration(defaultValue)));
            return defaultValue;
        }

        /// <summary>A ceiling: a duration as for the floors, or <c>none</c> for no ceiling (null).</summary>
        private static TimeSpan? ReadCeiling(AnalyzerConfigOptions options, string key, TimeSpan? defaultValue, List<OptionError> errors)
        {
            if (!options.TryGetValue(key, out var text) || text is null)
            {
                return defaultValue;
            }

            if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            if (TryParseDuration(text, out var value, out var reason))
            {
                return value;
            }

            errors.Add(new OptionError(key, text, reason + ", or none for no ceiling", defaultValue is { } ceiling ? FormatDuration(ceiling) : "none"));
            return defaultValue;
        }

        /// <summary>Reads <c>12s</c>, <c>500ms</c>, <c>2m</c>, <c>1h</c> or <c>00:00:05</c>.</summary>
        internal static bool TryParseDuration(string text, out TimeSpan value, out string reason)
        {
            value = default;
            var trimmed = text.Trim().ToLowerInvariant();
            if (trimmed.Length == 0)
            {
                reason = "the value is empty; use a duration such as 12s, 500ms or 00:00:05";
                return false;
            }

            if (trimmed.IndexOf(':') >= 0)
            {
                if (TimeSpan.TryParseExact(trimmed, "c", CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero)
                {
                    reason = string.Empty;
                    return true;
                }

                reason = "expected a duration such as 12s, 500ms or 00:00:05";
                return false;
            }

            double unitMilliseconds;
            string number;
            if (trimmed.EndsWith("ms", StringComparison.Ordinal))
            {
                unitMilliseconds = 1;
                number = trimmed.Substring(0, trimmed.Length - 2);
            }
            else if (trimmed.EndsWith("s", StringComparison.Ordinal))
            {
                unitMilliseconds = 1000;
                number = trimmed.Substring(0, trimmed.Length - 1);
            }
            else if (trimmed.EndsWith("m", StringComparison.Ordinal))
            {
                unitMilliseconds = 60_000;
                number = trimmed.Substring(0, trimmed.Length - 1);
            }
            else if (trimmed.EndsWith("h", StringComparison.Ordinal))
            {
                unitMilliseconds = 3_600_000;
                number = trimmed.Substring(0, trimmed.Length - 1);
            }
            else
            {
                reason = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                    ? "a bare number is ambiguous; add a unit (ms, s, m or h) or use hh:mm:ss"
                    : "expected a non-negative duration such as 12s, 500ms or 00:00:05";
                return false;
            }

            if (!double.TryParse(number.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
                || double.IsNaN(amount)
                || double.IsInfinity(amount)
                || amount * unitMilliseconds > TimeSpan.MaxValue.TotalMilliseconds / 2)
            {
                reason = "expected a non-negative duration such as 12s, 500ms or 00:00:05";
                return false;
            }

            value = TimeSpan.FromTicks((long)(amount * unitMilliseconds * TimeSpan.TicksPerMillisecond));
            reason = string.Empty;
            return true;
        }

        internal static string FormatDuration(TimeSpan value)
        {
            if (value.Ticks % TimeSpan.TicksPerSecond == 0)
            {
                return ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";
            }

            return value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + "ms";
        }

        private static bool IsQualifiedMethodName(string name)
        {
            var parts = name.Split('.');
            if (parts.Length < 2)
            {
                return false;
            }

            foreach (var part in parts)
            {
                if (part.Length == 0 || !(char.IsLetter(part[0]) || part[0] == '_'))
                {
                    return false;
                }

                foreach (var c in part)
                {
                    if (!(char.IsLetterOrDigit(c) || c == '_'))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
