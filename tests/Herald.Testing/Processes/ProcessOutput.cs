using System.Diagnostics;

namespace Herald.Testing.Processes;

/// <summary>Where a child process's output goes, which decides how the process is launched.</summary>
internal abstract class ProcessOutput
{
    /// <summary>How to run <c>dotnet</c> with <paramref name="arguments"/> so that its output comes here.</summary>
    public abstract ProcessStartInfo Launch(IReadOnlyList<string> arguments);

    public abstract void Start(Process process);

    /// <summary>Everything written so far.</summary>
    public abstract string Text { get; }

    public abstract string Tail(int lines);

    /// <summary>Where to read the rest, for a failure message.</summary>
    public abstract string Where { get; }
}
