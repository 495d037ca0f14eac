using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace MongoTlsAnalyzers.Settings.Tests.Logging
{
    /// <summary>A logger provider plugged into the host's real logging pipeline that keeps every line written.</summary>
    public sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogLine> _lines = new ConcurrentQueue<LogLine>();

        public IReadOnlyList<LogLine> Lines => _lines.ToArray();

        public IEnumerable<LogLine> From(string category) => Lines.Where(l => l.Category == category);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger : ILogger
        {
            private readonly CapturingLoggerProvider _provider;
            private readonly string _category;

            public Logger(CapturingLoggerProvider provider, string category)
            {
                _provider = provider;
                _category = category;
            }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                _provider._lines.Enqueue(new LogLine(_category, logLevel, formatter(state, exception)));
        }
    }

    /// <summary>One log line: category, level and formatted message.</summary>
    public sealed record LogLine(string Category, LogLevel Level, string Message);
}
