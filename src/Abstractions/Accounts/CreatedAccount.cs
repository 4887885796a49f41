namespace Herald.Abstractions.Accounts;

/// <summary>A new account with its API key, which is shown this once and stored only as a hash.</summary>
[GenerateSerializer, Immutable, Alias("herald.created-account")]
public sealed record CreatedAccount(
    [property: Id(0)] AccountView Account,
    [property: Id(1)] string ApiKey)
{
    public override string ToString() => $"CreatedAccount {{ Account = {Account.Id}, ApiKey = *** }}";
}
