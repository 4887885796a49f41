using Herald.Api.Json;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Api.Webhooks;

/// <summary>Debugging: a webhook's health at a glance, from its attempt log and queue.</summary>
public static class StatsApi
{
    public static RouteGroupBuilder MapWebhookStats(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/stats", GetAsync);
        return webhooks;
    }

    private static async Task<Results<Ok<WebhookStatsResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IGrainFactory grains, WebhookStatsReader stats, TimeProvider time, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var now = time.GetUtcNow();
        return TypedResults.Ok(WebhookStatsResponse.From(await stats.ReadAsync(id, now, http.RequestAborted), now));
    }
}
