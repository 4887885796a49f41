namespace Herald.Testing.Processes;

/// <summary>What to start: a name for messages, the host's dll (src/Api or src/Silo build output) and its environment.</summary>
/// <param name="Environment">Set after the process's URL and <c>ASPNETCORE_ENVIRONMENT=Production</c>, so it may override them.</param>
public sealed record HeraldStart(string Name, string Dll, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>
    /// Where the output goes: null keeps it in memory for assertions (<see cref="HeraldProcess.Output"/>); a path
    /// appends it to that file, which costs the parent process nothing while it runs.
    /// </summary>
    public string? LogPath { get; init; }

    /// <summary>Arguments given to the dll before <c>--contentRoot</c>: a verb, for a tool with several modes (the bench's pipe server).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}
