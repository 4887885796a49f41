namespace Herald.Api.Accounts;

/// <summary>The new key, shown this once, and when the previous one stops working (null: it already has).</summary>
public sealed record RotateKeyResponse(string ApiKey, DateTimeOffset? PreviousExpiresAt);
