namespace Herald.Client.Models;

/// <summary>A portal session: its token (<c>hpt_…</c>) and the portal URL that carries it, shown this once.</summary>
public sealed record PortalSession : ApiObject
{
    public required string Id { get; init; }

    [Credential]
    public required string Token { get; init; }

    /// <summary>The portal's address with the token in its fragment: give it to the customer, never log it.</summary>
    [Credential]
    public required string Url { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public bool ReadOnly { get; init; }

    /// <summary>The sources whose webhooks the session sees; null: all of the account's.</summary>
    public IReadOnlyList<string>? Sources { get; init; }
}
