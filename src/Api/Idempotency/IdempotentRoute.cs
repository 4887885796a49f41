namespace Herald.Api.Idempotency;

/// <summary>
/// Marks a route that honours <c>Idempotency-Key</c> (<see cref="IdempotencyFilter"/>), and says whether its answers
/// hold a secret (an API key, a signing secret), which are then stored sealed.
/// </summary>
public sealed record IdempotentRoute(bool AnswersHoldSecrets)
{
    private const string AccountItem = "herald.idempotency.account";

    /// <summary>Notes the account a request acts for, so that deleting that account removes the stored answer too.</summary>
    public static void ActsFor(HttpContext http, string accountId) => http.Items[AccountItem] = accountId;

    /// <summary>The account noted by <see cref="ActsFor"/>, if any.</summary>
    public static string? AccountOf(HttpContext http) => http.Items.TryGetValue(AccountItem, out var id) ? id as string : null;
}
