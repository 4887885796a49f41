namespace Herald.Abstractions.Accounts;

[GenerateSerializer, Immutable, Alias("herald.account-view")]
public sealed record AccountView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] AccountSettings Settings);
