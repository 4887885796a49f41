using Microsoft.Extensions.Logging;

namespace Herald.Tests.Infrastructure;

public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);
