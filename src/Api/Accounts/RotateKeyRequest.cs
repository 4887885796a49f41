namespace Herald.Api.Accounts;

/// <summary>The optional body of <c>POST /v1/accounts/{id}/rotate-key</c>: how long the previous key keeps working (default <c>0s</c>).</summary>
public sealed record RotateKeyRequest(string? GracePeriod);
