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

    private static async Task<Results<Ok<Page<AttemptResponse>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, IGrainFactory grains, AttemptLog log, [FromQuery(Name = "account_id")] string? accountId)
    {
        var (query, problem) = LogQueryParameters.Read(http.Request, id, Statuses);
        if (problem is not null)
        {
            return problem;
        }
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var (rows, next) = await log.ListAsync(query!, http.RequestAborted);
        return TypedResults.Ok(new Page<AttemptResponse>(rows.Select(AttemptResponse.From).ToList(), next));
    }
}
