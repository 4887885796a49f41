namespace Herald.Client.Models;

/// <summary>The body of <c>POST /v1/accounts/{id}/keys</c>: a name, the scopes (<c>publish</c>, <c>manage</c>, <c>read</c>) and an optional lifetime (at most 366 days).</summary>
public sealed record CreateKeyRequest(string Name, IReadOnlyList<string> Scopes)
{
    public TimeSpan? ExpiresIn { get; init; }
}
