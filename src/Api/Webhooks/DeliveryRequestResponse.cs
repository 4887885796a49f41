using System.Text.Json;

namespace Herald.Api.Webhooks;

/// <summary>
/// What a delivery sends: the headers of its latest attempt (masked; an empty object before its first attempt, or when
/// that attempt was logged before Herald kept headers) and the body, byte for byte the stored one, shown as JSON.
/// </summary>
public sealed record DeliveryRequestResponse(JsonElement Headers, JsonElement? Body);
