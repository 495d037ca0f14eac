using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;

namespace MongoTlsAnalyzers.Timeouts
{
    /// <summary>Human-readable durations for messages: "8 h 20 min", "500 ms", "0.5 ms".</summary>
    internal static class DurationText
    {
        public static string Format(TimeSpan value)
        {
            if (value == Timeout.InfiniteTimeSpan)
            {
                return "infinite";
            }

            if (value < TimeSpan.Zero)
            {
                return "-" + Format(value == TimeSpan.MinValue ? TimeSpan.MaxValue : value.Negate());
            }

            if (value == TimeSpan.Zero)
            {
                return "0";
            }

            if (value.Ticks < TimeSpan.TicksPerMillisecond)
            {
                return (value.Ticks / (double)TimeSpan.TicksPerMillisecond).ToString("0.####", CultureInfo.InvariantCulture) + " ms";
            }

            // The two most significant non-zero units: 30000 s reads "8 h 20 min".
            var units = new (long Amount, string Unit)[]
            {
                ((long)value.TotalDays, "d"), (value.Hours, "h"), (value.Minutes, "min"), (value.Seconds, "s"), (value.Milliseconds, "ms"),
            };
            var parts = new List<string>(2);
            foreach (var (amount, unit) in units)
            {
                if (amount != 0 && parts.Count < 2)
                {
                    parts.Add(amount.ToString(CultureInfo.InvariantCulture) + " " + unit);
                }
            }

            return string.Join(" ", parts);
        }
    }
}
