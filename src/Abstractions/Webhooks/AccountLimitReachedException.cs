namespace Herald.Abstractions.Webhooks;

/// <summary>
/// A webhook was refused because the account already has as many webhooks as the deployment allows one account
/// (<c>Herald:Limits:MaxWebhooksPerAccount</c>). Thrown by the account grain, which counts and adds in one turn.
/// </summary>
[GenerateSerializer, Alias("herald.account-limit-reached")]
public sealed class AccountLimitReachedException : Exception
{
    public AccountLimitReachedException()
    {
    }

    public AccountLimitReachedException(int limit)
        : base($"The account already has {limit} webhooks, the most allowed per account.")
    {
        Limit = limit;
    }

    [Id(0)] public int Limit { get; init; }
}
