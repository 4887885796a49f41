namespace Herald.Bench.Pipe;

/// <summary>What a drain of the pipe server did: deliveries the receiver accepted, and those it did not (or could not) accept.</summary>
public sealed record PipeOutcome(long Delivered, long Failed);
