namespace Herald.Api.Access;

/// <summary>The body of <c>POST /v1/accounts/{id}/keys</c>: a name, the key's scopes, and an optional lifetime.</summary>
public sealed record CreateKeyRequest(string? Name, List<string>? Scopes, string? ExpiresIn);
