using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Grains.Hosting;

namespace Herald.Grains.Events;

/// <summary>Publishes one of Herald's own events (<see cref="OperationalEvents"/>) into an account.</summary>
public static class OperationalEvent
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <param name="eventId">
    /// The event id, for an event that may be published again after a crash (<see cref="IdFor"/>): the account's
    /// idempotency then answers the first publish and queues nothing. Null: a fresh id.
    /// </param>
    public static Task<PublishResult?> PublishAsync(IGrainFactory grains, string accountId, string type, object data, TimeProvider time, string? eventId = null) =>
        grains.Grain<IAccountGrain>(accountId).PublishAsync(Command(type, data, time, eventId));

    /// <summary>The publish of one operational event, its <c>data</c> written in snake_case; <paramref name="eventId"/> as above.</summary>
    public static PublishCommand Command(string type, object data, TimeProvider time, string? eventId = null)
    {
        var id = eventId ?? HeraldId.New("evt", time);
        var now = time.GetUtcNow();
        var body = EventEnvelope.Write(id, type, now, JsonSerializer.SerializeToElement(data, Json));
        return new PublishCommand(id, type, null, body, now);
    }

    /// <summary>
    /// The event id of one consequence of one cause, the same each time: <c>evt_</c>, the cause's time-sortable part
    /// (e.g. of an attempt id <c>att_…</c>), and what followed (<c>exhausted</c>, <c>disabled</c>).
    /// </summary>
    public static string IdFor(string causeId, string consequence)
    {
        var separator = causeId.IndexOf('_', StringComparison.Ordinal);
        return $"evt_{causeId[(separator + 1)..]}_{consequence}";
    }
}
