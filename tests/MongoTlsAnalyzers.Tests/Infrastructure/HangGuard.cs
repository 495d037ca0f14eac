using System;
using System.Threading;
using System.Threading.Tasks;

namespace MongoTlsAnalyzers.Tests.Infrastructure
{
    /// <summary>
    /// Stops work that hangs, without making elapsed time part of a test's verdict: the work gets a cancellation token
    /// that fires after <see cref="Deadline"/> (minutes, far beyond any slow machine), and a test that hits it fails as
    /// "hung". How fast the analyzers and fixers are is measured in benchmarks/, not here.
    /// </summary>
    public static class HangGuard
    {
        /// <summary>When the work is cancelled and the test fails as hung.</summary>
        public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

        /// <summary>Beyond this the work counts as hung even if it ignores the cancellation.</summary>
        public static readonly TimeSpan Limit = Deadline + TimeSpan.FromMinutes(1);

        public static T Run<T>(string what, Func<CancellationToken, T> work) =>
            RunAsync(what, token => Task.FromResult(work(token))).GetAwaiter().GetResult();

        public static async Task<T> RunAsync<T>(string what, Func<CancellationToken, Task<T>> work)
        {
            using var cancellation = new CancellationTokenSource(Deadline);
            var task = Task.Run(() => work(cancellation.Token));
            try
            {
                return await task.WaitAsync(Limit).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                throw new HungException($"{what} hung: still running after {Limit.TotalMinutes} min, ignoring cancellation");
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                throw new HungException($"{what} hung: cancelled after {Deadline.TotalMinutes} min");
            }
        }
    }

    /// <summary>Work that did not finish within <see cref="HangGuard.Deadline"/>.</summary>
    public sealed class HungException : Exception
    {
        public HungException(string message)
            : base(message)
        {
        }
    }
}
