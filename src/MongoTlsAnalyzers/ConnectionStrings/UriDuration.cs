using System;
using System.Globalization;

namespace MongoTlsAnalyzers.ConnectionStrings
{
    /// <summary>
    /// Reads a timeout option value the way the driver's <c>ConnectionString.ParseTimeSpan</c> does:
    /// a name ending in <c>MS</c> means milliseconds and a name ending in <c>seconds</c> means seconds;
    /// otherwise the value may carry a unit suffix (<c>ms</c>, <c>s</c>, <c>m</c>, <c>h</c>), may be
    /// <c>hh:mm:ss</c>, and a bare number means <b>seconds</b>.
    /// </summary>
    internal static class UriDuration
    {
        /// <summary>How a bare number in the value was read.</summary>
        internal enum Unit
        {
            Invalid,
            MillisecondsByName,
            SecondsByName,
            Milliseconds,
            Seconds,
            Minutes,
            Hours,
            TimeSpanText,

            /// <summary>A bare number under a name without the MS suffix: seconds.</summary>
            SecondsByDefault,
        }

        public static bool TryParse(string name, string value, out TimeSpan duration) => TryParse(name, value, out duration, out _);

        public static bool TryParse(string name, string value, out TimeSpan duration, out Unit unit)
        {
            duration = default;
            unit = Unit.Invalid;
            var lowerName = name.ToLowerInvariant();
            var lowerValue = value.ToLowerInvariant();

            double multiplier;
            if (lowerName.EndsWith("ms", StringComparison.Ordinal))
            {
                multiplier = 1;
                unit = Unit.MillisecondsByName;
            }
            else if (lowerName.EndsWith("seconds", StringComparison.Ordinal))
            {
                multiplier = 1000;
                unit = Unit.SecondsByName;
            }
            else if (lowerValue.Length == 0)
            {
                // The driver indexes the last character here and fails.
                return false;
            }
            else if (lowerValue.EndsWith("ms", StringComparison.Ordinal))
            {
                lowerValue = lowerValue.Substring(0, lowerValue.Length - 2);
                multiplier = 1;
                unit = Unit.Milliseconds;
            }
            else if (lowerValue[lowerValue.Length - 1] == 's')
            {
                lowerValue = lowerValue.Substring(0, lowerValue.Length - 1);
                multiplier = 1000;
                unit = Unit.Seconds;
            }
            else if (lowerValue[lowerValue.Length - 1] == 'm')
            {
                lowerValue = lowerValue.Substring(0, lowerValue.Length - 1);
                multiplier = 60 * 1000;
                unit = Unit.Minutes;
            }
            else if (lowerValue[lowerValue.Length - 1] == 'h')
            {
                lowerValue = lowerValue.Substring(0, lowerValue.Length - 1);
                multiplier = 60 * 60 * 1000;
                unit = Unit.Hours;
            }
            else if (lowerValue.IndexOf(':') >= 0)
            {
                unit = Unit.TimeSpanText;
                return TimeSpan.TryParse(lowerValue, CultureInfo.InvariantCulture, out duration);
            }
            else
            {
                multiplier = 1000;
                unit = Unit.SecondsByDefault;
            }

            if (!double.TryParse(lowerValue, NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            return TryFromMilliseconds(multiplier * number, out duration);
        }

        /// <summary>
        /// <c>TimeSpan.FromMilliseconds(double)</c> as modern .NET computes it (truncating to ticks), written out
        /// so that the result does not depend on which runtime hosts the analyzer.
        /// </summary>
        public static bool TryFromMilliseconds(double milliseconds, out TimeSpan duration)
        {
            duration = default;
            if (double.IsNaN(milliseconds))
            {
                return false;
            }

            var ticks = milliseconds * TimeSpan.TicksPerMillisecond;
            if (ticks > long.MaxValue || ticks < long.MinValue || double.IsNaN(ticks))
            {
                return false;
            }

            duration = ticks == long.MaxValue ? TimeSpan.MaxValue : new TimeSpan((long)ticks);
            return true;
        }
    }
}
