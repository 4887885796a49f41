using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;

namespace Herald.Grains.Events;

/// <summary>Publishes one of Herald's own events (<see cref="OperationalEvents"/>) into an account.</summary>
public static class OperationalEvent
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Task<PublishResult?> PublishAsync(IGrainFactory grains, string accountId, string type, object data, TimeProvider time)
    {
        var id = HeraldId.New("evt", time);
        var now = time.GetUtcNow();
        var body = EventEnvelope.Write(id, type, now, JsonSerializer.SerializeToElement(data, Json));
        return grains.GetGrain<IAccountGrain>(accountId).PublishAsync(new PublishCommand(id, type, null, body, now));
    }
}
