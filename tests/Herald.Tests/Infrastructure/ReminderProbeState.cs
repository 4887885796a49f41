namespace Herald.Tests.Infrastructure;

[GenerateSerializer, Alias("herald.tests.reminder-probe-state")]
public sealed class ReminderProbeState
{
    [Id(0)] public int Ticks { get; set; }
}
