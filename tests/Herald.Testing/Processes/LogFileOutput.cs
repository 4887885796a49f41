using System.Diagnostics;

namespace Herald.Testing.Processes;

/// <summary>
/// Output appended to a file by the shell, which then hands the process over to dotnet (exec): the pid is Herald's,
/// and the parent reads no pipe while it runs (the bench measures beside it).
/// </summary>
internal sealed class LogFileOutput(string path) : ProcessOutput
{
    public override ProcessStartInfo Launch(IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "exec dotnet \"$@\" >>\"$0\" 2>&1", path } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    public override void Start(Process process) => process.Start();

    public override string Text => Read(lines => string.Join('\n', lines));

    public override string Tail(int lines) => Read(all => string.Join('\n', all.TakeLast(lines)));

    public override string Where => path;

    private string Read(Func<IEnumerable<string>, string> shape)
    {
        try
        {
            return shape(File.ReadLines(path));
        }
        catch (IOException)
        {
            return "";
        }
    }
}
