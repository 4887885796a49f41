using System.Collections.Concurrent;
using System.Diagnostics;

namespace Herald.Testing.Processes;

/// <summary>Standard output and error read line by line into memory, for assertions on what the process logged.</summary>
internal sealed class CapturedOutput : ProcessOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public override ProcessStartInfo Launch(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    public override void Start(Process process)
    {
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string Text => string.Join('\n', _lines);

    public override string Tail(int lines) => string.Join('\n', _lines.TakeLast(lines));

    public override string Where => "its output";

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
