namespace Herald.Reliability.Chaos;

/// <summary>One request that reached the receiver: where, which event, its attempt number there, and how it was answered.</summary>
/// <param name="At">When it arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</param>
public sealed record Arrival(string Path, string EventId, int Attempt, ChaosFault Answer, long At, bool SignatureValid);
