using System.Text;
using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;

namespace Herald.Tests.Infrastructure;

/// <summary>
/// Which endpoints an event reaches, found the way production finds them: by publishing one and reading the
/// deliveries its fan-out queued, in queue order (the order of the account's index).
/// </summary>
public static class MatchProbe
{
    public static async Task<IReadOnlyList<string>> EndpointsReachedAsync(this IAccountGrain account, TestDatabase database, string eventType, string? source)
    {
        var eventId = HeraldId.New("evt");
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = eventId, type = eventType, data = new { } }));
        await account.PublishAsync(new PublishCommand(eventId, eventType, source, body, DateTimeOffset.UtcNow));
        return await database.TextColumnAsync("select endpoint_id from herald_deliveries where event_id = @event order by seq", ("event", eventId));
    }
}
