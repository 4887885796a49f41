namespace Herald.Client.Models;

/// <summary>An accepted event (durable) and how many webhooks it goes to.</summary>
public sealed record PublishResult : ApiObject
{
    public required string Id { get; init; }
    public int Endpoints { get; init; }
}
