using System;
using System.Threading;

namespace MongoTlsAnalyzers.Folding
{
    /// <summary>A duration folded from source.</summary>
    internal readonly struct FoldedTimeout
    {
        public FoldedTimeout(TimeSpan value, TimeoutForm form, double argument)
        {
            Value = value;
            Form = form;
            Argument = argument;
        }

        public TimeSpan Value { get; }

        public TimeoutForm Form { get; }

        /// <summary>The number written in <c>FromSeconds(n)</c> or <c>new TimeSpan(ticks)</c>.</summary>
        public double Argument { get; }

        public bool IsInfinite => Value == Timeout.InfiniteTimeSpan;
    }
}
