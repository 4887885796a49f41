using Herald.Grains.Storage;

namespace Herald.Tests.Infrastructure;

public sealed class ReminderProbeGrain(
    [PersistentState("probe", HeraldStorage.Name)] IPersistentState<ReminderProbeState> state) : Grain, IReminderProbeGrain, IRemindable
{
    private const string ReminderName = "probe";

    public async Task ArmAsync(TimeSpan dueTime, TimeSpan period) => await this.RegisterOrUpdateReminder(ReminderName, dueTime, period);

    public Task<int> TicksAsync() => Task.FromResult(state.State.Ticks);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        state.State.Ticks++;
        await state.WriteStateAsync();
    }
}
