namespace Herald.Grains.Notifications;

/// <summary>
/// The email telling an account that one of its webhooks was disabled by the failure rule; one grain per disable
/// (key: <see cref="DisableNotices.Key"/>), so that a notice being retried never holds up the next one.
/// </summary>
public interface IDisableNoticeGrain : IGrainWithStringKey
{
    /// <summary>
    /// Durably records the notice and returns; the email goes out afterwards, retried with backoff. Does nothing when
    /// no SMTP server is configured or the notice is already queued.
    /// </summary>
    Task QueueAsync(string endpointId, DateTimeOffset disabledAt);
}
