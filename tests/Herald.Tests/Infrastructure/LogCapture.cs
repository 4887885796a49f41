using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Herald.Tests.Infrastructure;

/// <summary>A logger provider that keeps every entry of Information and above in memory, for tests of what is logged how.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }
}
