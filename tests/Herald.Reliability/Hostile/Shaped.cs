namespace Herald.Reliability.Hostile;

/// <summary>What one of the generator's categories makes, before it is numbered.</summary>
internal sealed record Shaped(string Description, RawRequest Request, string Caller, bool HttpLevel = false, bool HalfClose = false);
