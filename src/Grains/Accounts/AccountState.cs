using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;

namespace Herald.Grains.Accounts;

[GenerateSerializer, Alias("herald.account-state")]
public sealed class AccountState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Endpoint filters in registration order (oldest first).</summary>
    [Id(2)] public List<EndpointFilter> Endpoints { get; set; } = [];
    [Id(3)] public AccountSettings Settings { get; set; } = AccountSettings.Default;
    /// <summary>A delete has begun: the account takes no more publishes or webhooks, and a repeated delete finishes it.</summary>
    [Id(4)] public bool Deleting { get; set; }
}
