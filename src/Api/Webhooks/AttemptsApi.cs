using Herald.Api.Json;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Api.Webhooks;

/// <summary>Debugging: a webhook's attempt log (one row per HTTP attempt), newest first, filtered.</summary>
public static class AttemptsApi
{
    private static readonly string[] Statuses = [DeliveryStatuses.Succeeded, DeliveryStatuses.Failed];

    public static RouteGroupBuilder MapAttempts(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/attempts", ListAsync);
        return webhooks;
    }

    private static Task<Results<Ok<Page<AttemptResponse>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, IGrainFactory grains, AttemptLog log, [FromQuery(Name = "account_id")] string? accountId) =>
        LogQueryParameters.ListAsync(id, http, grains, accountId, Statuses, log.ListAsync, AttemptResponse.From);
}
