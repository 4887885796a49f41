namespace Herald.Grains.Endpoints;

/// <summary>
/// Bounds one delivery pass in attempts and in time: a pass that used its budget ends and the next one is queued at
/// once, so a long backlog never keeps one pass going.
/// </summary>
internal sealed class PassBudget(TimeProvider time)
{
    public const int MaxAttempts = 256;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMilliseconds(250);

    private readonly long _started = time.GetTimestamp();
    private int _attempts;

    public bool Spent => _attempts >= MaxAttempts || time.GetElapsedTime(_started) >= MaxDuration;

    public void Count() => _attempts++;
}
