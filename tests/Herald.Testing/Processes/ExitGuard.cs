using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Herald.Testing.Processes;

/// <summary>
/// Ctrl+C, SIGTERM, SIGHUP or any other exit of a tool (the bench, the reliability suite) still stops what it
/// started: the Herald processes it registered are killed, the other clean-ups it registered run, so no child is
/// left running. Disposing unsubscribes (the tool then cleans up itself).
/// </summary>
public sealed class ExitGuard : IDisposable
{
    private readonly ConcurrentStack<Action> _cleanups = new();
    private readonly List<PosixSignalRegistration> _signals;

    public ExitGuard()
    {
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => RunAll()))];
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    /// <summary>Kills <paramref name="process"/> (SIGKILL, at once) on exit; answers it, for chaining.</summary>
    public HeraldProcess Add(HeraldProcess process)
    {
        _cleanups.Push(process.Kill);
        return process;
    }

    /// <summary>Runs <paramref name="cleanup"/> on exit, newest first; it must be quick and must not throw.</summary>
    public void Add(Action cleanup) => _cleanups.Push(cleanup);

    private void OnExit(object? sender, EventArgs e) => RunAll();

    private void RunAll()
    {
        while (_cleanups.TryPop(out var cleanup))
        {
            cleanup();
        }
    }

    public void Dispose()
    {
        _signals.ForEach(s => s.Dispose());
        AppDomain.CurrentDomain.ProcessExit -= OnExit;
    }
}
