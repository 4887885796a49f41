using System.Text.Json.Serialization;
using Herald.Abstractions.Webhooks;
using Herald.Api.Json;

namespace Herald.Api.Webhooks;

public sealed record RetryResponse(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Schedule,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ExponentialResponse? Exponential,
    bool RetryClientErrors)
{
    public static RetryResponse From(RetryPolicy policy) => new(
        policy.Schedule?.Select(Duration.Format).ToList(),
        policy.Exponential is { } e ? new ExponentialResponse(Duration.Format(e.Base), e.Factor, e.MaxAttempts) : null,
        policy.RetryClientErrors);
}
