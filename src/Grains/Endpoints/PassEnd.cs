namespace Herald.Grains.Endpoints;

/// <summary>A pass's end, with the wait for <see cref="PassEndKind.Wait"/>, and whether it found work to send.</summary>
internal readonly record struct PassEnd(PassEndKind Kind, TimeSpan Wait = default, bool Worked = false)
{
    public static PassEnd Stopped => new(PassEndKind.Stopped);
    public static PassEnd HandOff => new(PassEndKind.HandOff);

    public static PassEnd Idle(bool worked) => new(PassEndKind.Idle, Worked: worked);

    public static PassEnd More => new(PassEndKind.More, Worked: true);

    public static PassEnd Busy => new(PassEndKind.Busy, Worked: true);

    public static PassEnd WaitFor(TimeSpan wait) => new(PassEndKind.Wait, wait, Worked: true);
}
