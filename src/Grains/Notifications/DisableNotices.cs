using Herald.Grains.Hosting;
using Herald.Grains.Telemetry;
using Microsoft.Extensions.Logging;

namespace Herald.Grains.Notifications;

/// <summary>How an endpoint hands its disable notice over: never throwing into the delivery that disabled it.</summary>
public static partial class DisableNotices
{
    public static string Key(string endpointId, DateTimeOffset disabledAt) => $"{endpointId}@{disabledAt.ToUnixTimeMilliseconds()}";

    public static async Task QueueAsync(IGrainFactory grains, string endpointId, DateTimeOffset disabledAt, ILogger logger)
    {
        try
        {
            await grains.Grain<IDisableNoticeGrain>(Key(endpointId, disabledAt)).QueueAsync(endpointId, disabledAt);
        }
        catch (Exception exception)
        {
            LogNotQueued(logger, endpointId, exception);
            HeraldMetrics.RecordNotificationEmail(HeraldMetrics.EmailFailed);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Endpoint {EndpointId} is disabled, but its disable email could not be queued; no email will be sent")]
    private static partial void LogNotQueued(ILogger logger, string endpointId, Exception exception);
}
