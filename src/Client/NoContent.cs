namespace Herald.Client;

/// <summary>The answer of a call that has no body (204).</summary>
internal sealed record NoContent;
