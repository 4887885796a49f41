using System.Text.Json;

namespace Herald.Api.Events;

/// <summary><c>data</c> is wrapped in Herald's envelope; <c>payload</c> is delivered exactly as it appears in the request.</summary>
public sealed record PublishRequest(string? Type, string? Id, string? AccountId, string? Source, JsonElement? Data, JsonElement? Payload);
