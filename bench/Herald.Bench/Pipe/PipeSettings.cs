using System.Globalization;

namespace Herald.Bench.Pipe;

/// <summary>
/// What the pipe server works with: its database (which holds the bench's copies of Herald's tables), the receiver it
/// forwards to, the key it signs with, how many requests it sends at once, and (in a child process) the bench's
/// process id, so that it stops when the bench is gone. A child process reads them from its environment
/// (<c>Pipe__Database</c>, …), not its command line, where any user could read the connection string.
/// </summary>
public sealed record PipeSettings(string Database, Uri Receiver, byte[] Key, int Concurrency = 64, int? Parent = null)
{
    public Dictionary<string, string> ToEnvironment() => new()
    {
        ["Pipe__Database"] = Database,
        ["Pipe__Receiver"] = Receiver.ToString(),
        ["Pipe__Key"] = Convert.ToBase64String(Key),
        ["Pipe__Concurrency"] = Concurrency.ToString(CultureInfo.InvariantCulture),
        ["Pipe__Parent"] = (Parent ?? Environment.ProcessId).ToString(CultureInfo.InvariantCulture),
    };

    public static PipeSettings FromEnvironment() => new(
        Required("Pipe__Database"),
        new Uri(Required("Pipe__Receiver")),
        Convert.FromBase64String(Required("Pipe__Key")),
        int.Parse(Required("Pipe__Concurrency"), CultureInfo.InvariantCulture),
        int.Parse(Required("Pipe__Parent"), CultureInfo.InvariantCulture));

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new ArgumentException($"The pipe server needs {name} in its environment.");
}
