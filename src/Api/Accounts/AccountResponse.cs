using System.Text.Json.Serialization;
using Herald.Abstractions.Accounts;

namespace Herald.Api.Accounts;

/// <summary>An account; <see cref="ApiKey"/> is present only in the answer to its creation.</summary>
public sealed record AccountResponse(
    string Id,
    string Name,
    DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ApiKey)
{
    public static AccountResponse From(AccountView view, string? apiKey = null) => new(view.Id, view.Name, view.CreatedAt, apiKey);
}
