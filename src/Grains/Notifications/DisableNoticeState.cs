namespace Herald.Grains.Notifications;

/// <summary>A queued disable notice; the grain's state is cleared once the email is sent or given up.</summary>
[GenerateSerializer, Alias("herald.disable-notice-state")]
public sealed class DisableNoticeState
{
    [Id(0)] public string EndpointId { get; set; } = "";
    [Id(1)] public DateTimeOffset DisabledAt { get; set; }
    /// <summary>Attempts that failed so far.</summary>
    [Id(2)] public int FailedAttempts { get; set; }
    [Id(3)] public DateTimeOffset NextAttemptAt { get; set; }
}
