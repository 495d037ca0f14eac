using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using MongoTlsAnalyzers.Analysis;
using MongoTlsAnalyzers.ConnectionStrings;
using MongoTlsAnalyzers.Options;

namespace MongoTlsAnalyzers.Timeouts
{
    /// <summary>
    /// The timeout facts shared by the timeout rules and fixes: which driver properties are timeouts, their
    /// floors and ceilings (docs/rules/MTA007, configurable in .editorconfig), and why a value is a problem.
    /// </summary>
    internal static class TimeoutPolicy
    {
        /// <summary>
        /// The timeout a <c>TimeSpan</c> property of <c>MongoClientSettings</c>, <c>MongoUrlBuilder</c> or
        /// <c>MongoDefaults</c> sets, or <see cref="DriverTimeout.None"/>.
        /// </summary>
        public static DriverTimeout ForProperty(IPropertySymbol property, DriverTypes types)
        {
            return types.Find(property) is { Role: DriverRole.Timeout } row ? row.Timeout : DriverTimeout.None;
        }

        /// <summary>The floor for a timeout, or null for timeouts without one.</summary>
        public static TimeSpan? Floor(DriverTimeout timeout, TimeoutFloors floors) => timeout switch
        {
            DriverTimeout.ServerSelection => floors.ServerSelection,
            DriverTimeout.Connect => floors.Connect,
            DriverTimeout.Socket => floors.Socket,
            DriverTimeout.WaitQueue => floors.WaitQueue,
            DriverTimeout.HeartbeatInterval => floors.HeartbeatInterval,
            _ => null,
        };

        /// <summary>The ceiling for a timeout, or null for timeouts without one (the socket timeout, a ceiling set to none).</summary>
        public static TimeSpan? Ceiling(DriverTimeout timeout, TimeoutCeilings ceilings) => timeout switch
        {
            DriverTimeout.ServerSelection => ceilings.ServerSelection,
            DriverTimeout.Connect => ceilings.Connect,
            DriverTimeout.WaitQueue => ceilings.WaitQueue,
            DriverTimeout.HeartbeatInterval => ceilings.HeartbeatInterval,
            _ => null,
        };

        /// <summary>Timeouts where a bare number of seconds at or above 1000 is probably milliseconds (MTA008).</summary>
        public static bool IsUnitChecked(DriverTimeout timeout) => timeout switch
        {
            DriverTimeout.Connect or DriverTimeout.ServerSelection or DriverTimeout.Socket or DriverTimeout.WaitQueue
                or DriverTimeout.HeartbeatInterval or DriverTimeout.HeartbeatTimeout or DriverTimeout.LocalThreshold
                or DriverTimeout.WriteConcern => true,
            _ => false,
        };

        /// <summary>
        /// MTA007's question for a URI option, wherever the URI stands (C# or a configuration file): which timeout it
        /// sets and what is wrong with its value. maxStalenessSeconds has its own rules (-1 means no maximum); it is
        /// not a connection timeout. A unit mix-up is MTA008's alone (<see cref="IsUnitMixUp"/>).
        /// </summary>
        public static TimeoutProblem EvaluateOption(MongoUriOption option, MongoTlsOptions options, out KnownUriOption? known, out TimeSpan value, out TimeSpan limit)
        {
            known = option.Known;
            value = default;
            limit = default;
            if (known is not { Timeout: not DriverTimeout.None and not DriverTimeout.MaxStaleness } || option.Duration is not TimeSpan duration
                || IsUnitMixUp(option, out _))
            {
                return TimeoutProblem.None;
            }

            value = duration;
            return Evaluate(known.Timeout, duration, options, out limit);
        }

        /// <summary>
        /// MTA008's question for <c>TimeSpan.FromSeconds(seconds)</c>: a number of seconds of at least
        /// <see cref="SecondsThreshold"/> for a timeout where that is probably milliseconds.
        /// </summary>
        public static bool IsSecondsMixUp(DriverTimeout timeout, double seconds) =>
            IsUnitChecked(timeout) && seconds >= SecondsThreshold;

        /// <summary>
        /// MTA008's question for a URI option: a bare number of at least <see cref="SecondsThreshold"/> under a key read
        /// in seconds (<c>connectTimeout=30000</c> is 8 h 20 min), which is probably milliseconds.
        /// </summary>
        public static bool IsUnitMixUp(MongoUriOption option, out TimeSpan value)
        {
            value = default;
            if (option.Known is not { } known
                || !IsUnitChecked(known.Timeout)
                || option.DurationUnit != UriDuration.Unit.SecondsByDefault
                || option.Duration is not { } duration
                || duration.TotalSeconds < SecondsThreshold)
            {
                return false;
            }

            value = duration;
            return true;
        }

        /// <summary>A number of seconds from which a value is probably milliseconds (MTA008).</summary>
        public const double SecondsThreshold = 1000;

        /// <summary>
        /// What is wrong with <paramref name="value"/> for <paramref name="timeout"/>; <paramref name="limit"/> is the
        /// floor or ceiling it crosses. <c>Timeout.InfiniteTimeSpan</c> is above every ceiling, and fine where there is none.
        /// </summary>
        public static TimeoutProblem Evaluate(DriverTimeout timeout, TimeSpan value, MongoTlsOptions options, out TimeSpan limit)
        {
            limit = default;
            var ceiling = Ceiling(timeout, options.Ceilings);
            if (value == Timeout.InfiniteTimeSpan)
            {
                if (ceiling is TimeSpan maximum)
                {
                    limit = maximum;
                    return TimeoutProblem.AboveCeiling;
                }

                return TimeoutProblem.None;
            }

            if (value < TimeSpan.Zero)
            {
                return TimeoutProblem.Negative;
            }

            if (timeout == DriverTimeout.Connect && value == TimeSpan.Zero)
            {
                return TimeoutProblem.ImmediateConnect;
            }

            // A socket timeout of 0 means no timeout.
            if (timeout == DriverTimeout.Socket && value == TimeSpan.Zero)
            {
                return TimeoutProblem.None;
            }

            if (Floor(timeout, options.Floors) is TimeSpan minimum && value < minimum)
            {
                limit = minimum;
                return TimeoutProblem.BelowFloor;
            }

            // "Above" is strict, as "below" is: a value equal to its ceiling is fine.
            if (ceiling is TimeSpan ceilingValue && value > ceilingValue)
            {
                limit = ceilingValue;
                return TimeoutProblem.AboveCeiling;
            }

            return TimeoutProblem.None;
        }

        /// <summary>Why the floor matters, completing "below the recommended minimum of 12 s: ...".</summary>
        public static string Reason(DriverTimeout timeout) => timeout switch
        {
            DriverTimeout.ServerSelection => "a replica-set election normally takes up to about 12 s, so writes fail during an ordinary failover",
            DriverTimeout.Connect => "a slow TLS handshake or DNS lookup then fails the connection",
            DriverTimeout.Socket => "ordinary slow queries and index builds are cut off",
            DriverTimeout.WaitQueue => "a short burst of load fails requests instead of queuing them",
            DriverTimeout.HeartbeatInterval => "the driver floods every server with monitoring traffic",
            _ => "it is too short",
        };

        /// <summary>
        /// What users see when a timeout is above its ceiling, completing "above the recommended maximum of 2 min: ...",
        /// with the value in words ("10 min"), or "forever" for <c>Timeout.InfiniteTimeSpan</c>.
        /// </summary>
        public static string CeilingReason(DriverTimeout timeout, TimeSpan value)
        {
            var infinite = value == Timeout.InfiniteTimeSpan;
            var waits = infinite ? "forever instead of failing" : DurationText.Format(value) + " before it fails";
            return timeout switch
            {
                DriverTimeout.ServerSelection => "when the cluster is unreachable, a request waits " + waits,
                DriverTimeout.Connect => "when a server does not answer, a request waits " + (infinite ? "forever for its connection instead of failing" : DurationText.Format(value) + " for its connection before it fails"),
                DriverTimeout.WaitQueue => "when the connection pool is exhausted, as it is while the cluster is unreachable, a request waits " + (infinite ? "forever for a connection instead of failing" : DurationText.Format(value) + " for a connection before it fails"),
                DriverTimeout.HeartbeatInterval => infinite
                    ? "the driver never checks on its servers between requests, so it does not notice a server that went away or came back"
                    : "the driver checks on its servers only every " + DurationText.Format(value) + ", so it is that slow to notice a server that went away or came back",
                _ => "a request waits " + waits,
            };
        }

        /// <summary>The driver default, for "remove it to use the default" messages.</summary>
        public static string Default(DriverTimeout timeout) => timeout switch
        {
            DriverTimeout.ServerSelection => "30 s",
            DriverTimeout.Connect => "30 s",
            DriverTimeout.Socket => "no timeout",
            DriverTimeout.WaitQueue => "2 min",
            DriverTimeout.HeartbeatInterval => "10 s",
            _ => "the driver default",
        };
    }
}
