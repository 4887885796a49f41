using System.Text.Json.Nodes;

namespace Herald.Client.Models;

/// <summary>
/// A change to a webhook (<c>PATCH</c>): a null field keeps its value. To clear a field (a description, a source), send a
/// <see cref="JsonObject"/> with that field set to null instead.
/// </summary>
public sealed record WebhookUpdate : WebhookSettings
{
    public string? Url { get; init; }
    public IReadOnlyList<string>? Events { get; init; }
}
