namespace Herald.Tests.Infrastructure;

/// <summary>A test grain that counts its reminder's ticks in persistent state.</summary>
public interface IReminderProbeGrain : IGrainWithStringKey
{
    Task ArmAsync(TimeSpan dueTime, TimeSpan period);

    Task<int> TicksAsync();
}
