namespace Herald.Api.Auth;

/// <summary>Who is calling: the admin (acts for any account) or one account.</summary>
public sealed record Caller(bool IsAdmin, string? AccountId)
{
    public static Caller Admin { get; } = new(true, null);

    public static Caller ForAccount(string accountId) => new(false, accountId);

    /// <summary>
    /// The account a request acts for. An account key acts for its own account; naming another one reads as
    /// "not found", so nothing reveals whether it exists. The admin must name the account.
    /// </summary>
    public string? ResolveAccount(string? requested) => IsAdmin
        ? (requested is not null && IsAccountId(requested) ? requested : null)
        : (requested is null || requested == AccountId ? AccountId : null);

    /// <summary>Account ids are short tokens (<c>acct_…</c>); anything else names no account and never reaches a grain.</summary>
    private static bool IsAccountId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
