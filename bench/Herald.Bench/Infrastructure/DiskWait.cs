namespace Herald.Bench.Infrastructure;

/// <summary>One process waiting in one kernel function, over consecutive samples: at least <see cref="Length"/>.</summary>
public readonly record struct DiskWait(int Pid, string Role, string Function, DateTimeOffset Start, TimeSpan Length)
{
    public string Describe() =>
        $"{Length.TotalMilliseconds:N0} ms in {Function} ({Role}, at {Start:HH:mm:ss.f})";
}
