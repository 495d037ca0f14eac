using System;
using System.Runtime.InteropServices;

namespace MongoTlsAnalyzers.Benchmarks.Harness
{
    /// <summary>
    /// The calling thread's CPU time (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, nanosecond resolution), or
    /// NaN elsewhere. On a machine shared with other work, wall time counts the time the thread waited for a core;
    /// CPU time does not, so it varies much less from round to round (caches and clock speed still vary).
    /// </summary>
    public static class ThreadCpuClock
    {
        private const int ClockThreadCpuTimeId = 3;

        public static bool IsAvailable { get; } = Probe();

        /// <summary>Milliseconds of CPU time the calling thread has used, or NaN.</summary>
        public static double NowMs()
        {
            if (!IsAvailable || clock_gettime(ClockThreadCpuTimeId, out var time) != 0)
            {
                return double.NaN;
            }

            return (time.Seconds * 1000.0) + (time.Nanoseconds / 1_000_000.0);
        }

        private static bool Probe()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64))
            {
                return false;
            }

            try
            {
                return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", SetLastError = false)]
        private static extern int clock_gettime(int clockId, out TimeSpec time);
    }
}
