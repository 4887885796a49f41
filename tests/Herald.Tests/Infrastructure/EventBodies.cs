using System.Text.Json;

namespace Herald.Tests.Infrastructure;

/// <summary>The envelope fields of an event a receiver got.</summary>
public static class EventBodies
{
    public static string TypeOf(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("type").GetString()!;

    public static JsonElement DataOf(ReceivedRequest request) => JsonDocument.Parse(request.Body).RootElement.GetProperty("data").Clone();
}
