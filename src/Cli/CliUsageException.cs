namespace Herald.Cli;

/// <summary>A command line that cannot be sent as it is (no address, a value that is not JSON): exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
