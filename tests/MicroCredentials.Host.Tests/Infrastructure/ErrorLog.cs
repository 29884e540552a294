using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MicroCredentials.Host.Tests.Infrastructure;

/// <summary>Keeps every error the host logs (with its exception), so a failing test can say what went wrong inside.</summary>
internal sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> errors = new();

    public IReadOnlyList<string> Errors => [.. errors];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.errors.Enqueue($"{category}: {formatter(state, exception)} {exception}");
            }
        }
    }
}
