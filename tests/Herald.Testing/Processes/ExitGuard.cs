using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Herald.Testing.Processes;

/// <summary>
/// Ctrl+C, SIGTERM, SIGHUP or any other exit of a tool (the bench, the reliability suite) still stops what it
/// started: the Herald processes it registered are killed, the other clean-ups it registered run, so no child is
/// left running. <see cref="CleanUpNow"/> does the same at once, for a tool that gives up on work still running;
/// whatever that work registers afterwards is cleaned up as soon as it is registered. Disposing unsubscribes.
/// </summary>
public sealed class ExitGuard : IDisposable
{
    private readonly ConcurrentStack<Action> _cleanups = new();
    private readonly List<PosixSignalRegistration> _signals;
    private volatile bool _closed;

    public ExitGuard()
    {
        _signals = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, _ => CleanUpNow()))];
        AppDomain.CurrentDomain.ProcessExit += OnExit;
    }

    /// <summary>Kills <paramref name="process"/> (SIGKILL, at once) on exit; answers it, for chaining.</summary>
    public HeraldProcess Add(HeraldProcess process)
    {
        Add(process.Kill);
        return process;
    }

    /// <summary>Runs <paramref name="cleanup"/> on exit, newest first; it must be quick and must not throw.</summary>
    public void Add(Action cleanup)
    {
        _cleanups.Push(cleanup);
        if (_closed)
        {
            RunAll();
        }
    }

    /// <summary>Runs every clean-up now, and from now on each one as soon as it is added.</summary>
    public void CleanUpNow()
    {
        _closed = true;
        RunAll();
    }

    private void OnExit(object? sender, EventArgs e) => CleanUpNow();

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
