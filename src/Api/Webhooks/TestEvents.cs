using System.Text;
using System.Text.Json;
using Herald.Abstractions.Events;
using Herald.Abstractions.Webhooks;
using Herald.Api.Catalog;
using Herald.Api.Json;
using Herald.Grains.Routing;

namespace Herald.Api.Webhooks;

/// <summary>
/// What a test send carries, from its request and the catalog: no type, a <c>webhook.test</c> ping; a type, one the
/// catalog lists or one of Herald's own, with the <c>data</c> given (checked against the type's schema) or else the
/// catalog's example for the type (<c>{}</c> when it has none).
/// </summary>
public static class TestEvents
{
    public static async Task<(TestEvent? Test, FieldErrors Errors)> ResolveAsync(TestRequest request, EventCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var data = request.Data is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } given ? given : (JsonElement?)null;
        if (request.Type is not { } type)
        {
            if (data is not null)
            {
                errors.Add("type", "Name the event type of the data, such as \"invoice.paid\".");
            }
            return (errors.Any ? null : TestEvent.Ping, errors);
        }
        var entry = EventTypePattern.IsValidType(type) ? (await catalog.SnapshotAsync(cancellationToken)).Find(type) : null;
        if (entry is null && !OperationalEvents.IsOperational(type))
        {
            errors.Add("type", $"\"{type}\" is not in the event catalog (GET /v1/event-types lists it).");
            return (null, errors);
        }
        if (data is { } value)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                errors.Add("data", "Give the event's data as a JSON object.");
                return (null, errors);
            }
            entry?.Schema?.Validate(value, "data", errors);
            return (errors.Any ? null : new TestEvent(type, Encoding.UTF8.GetBytes(value.GetRawText())), errors);
        }
        return (new TestEvent(type, Encoding.UTF8.GetBytes(entry?.Record.ExampleJson ?? "{}")), errors);
    }
}
