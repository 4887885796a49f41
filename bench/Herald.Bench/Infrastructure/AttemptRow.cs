namespace Herald.Bench.Infrastructure;

/// <summary>One delivery attempt of an event, as the bench's copy of Herald's attempt log records it.</summary>
public sealed record AttemptRow(string EventId, string Type, int StatusCode, int LatencyMs)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
