using Herald.Grains.Storage;

namespace Herald.Api.Auth;

/// <summary>
/// Who is calling: the admin (acts for any account), an account key, or a portal session of one account. An account
/// key or portal session carries its scopes and expiry; a portal session may be limited to webhooks of some sources.
/// </summary>
public sealed record Caller(
    CallerKind Kind, string? AccountId, KeyScopes Scopes, DateTimeOffset? ExpiresAt = null, IReadOnlyList<string>? Sources = null)
{
    public static Caller Admin { get; } = new(CallerKind.Admin, null, KeyScopes.All);

    public bool IsAdmin => Kind == CallerKind.Admin;

    /// <summary>A portal session that may only read.</summary>
    public bool ReadOnly => Kind == CallerKind.Portal && !Scopes.HasFlag(KeyScopes.Manage);

    /// <summary>An account key; a scope name it does not know (written by a later version) gives it nothing.</summary>
    public static Caller ForKey(ApiKeyOwner owner) =>
        new(CallerKind.AccountKey, owner.AccountId, ScopeNames.Parse(owner.Scopes) ?? KeyScopes.None, owner.ExpiresAt);

    /// <summary>A portal session: <c>read</c>, and <c>manage</c> unless read-only; never <c>publish</c>.</summary>
    public static Caller ForPortal(PortalSession session) =>
        new(CallerKind.Portal, session.AccountId, session.ReadOnly ? KeyScopes.Read : KeyScopes.Read | KeyScopes.Manage, session.ExpiresAt,
            session.Sources);

    /// <summary>
    /// The account a request acts for. An account key or portal session acts for its own account; naming another one reads
    /// as "not found", so nothing reveals whether it exists. The admin must name the account.
    /// </summary>
    public string? ResolveAccount(string? requested) => IsAdmin
        ? (requested is not null && IsAccountId(requested) ? requested : null)
        : (requested is null || requested == AccountId ? AccountId : null);

    /// <summary>
    /// Whether the caller may see a webhook (or an event) of <paramref name="source"/>: always, unless it is a portal
    /// session limited to sources, which sees only those (an account-wide webhook, of no source, is not among them).
    /// </summary>
    public bool Sees(string? source) => Sources is null || (source is not null && Sources.Contains(source, StringComparer.Ordinal));

    /// <summary>Account ids are short tokens (<c>acct_…</c>); anything else names no account and never reaches a grain.</summary>
    private static bool IsAccountId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
