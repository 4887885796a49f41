namespace Herald.Grains.Storage;

/// <summary>A row of the event search.</summary>
public sealed record EventSummary(string EventId, string Type, string? Source, int EndpointCount, DateTimeOffset CreatedAt);
