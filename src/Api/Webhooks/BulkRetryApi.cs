using Herald.Abstractions.Webhooks;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Herald.Grains.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

/// <summary>
/// Bulk retry: <c>POST /v1/webhooks/{id}/deliveries/retry</c> queues again every failed delivery that matches a
/// filter. The 202 is durable (the job is in the endpoint's state); the requeue runs in the background, in batches, in
/// the deliveries' original order, and resumes after a restart.
/// </summary>
public static class BulkRetryApi
{
    public static RouteGroupBuilder MapBulkRetry(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{id}/deliveries/retry", RetryAsync).Accepts<BulkRetryRequest>("application/json");
        return webhooks;
    }

    private static async Task<Results<Accepted<BulkRetryResponse>, ProblemHttpResult>> RetryAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var (request, problem) = await JsonBody.ReadOptionalAsync(http.Request, options.Value, new BulkRetryRequest(null, null, null, null));
        if (problem is not null)
        {
            return problem;
        }
        if ((request!.Status ?? "failed") != "failed")
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["status"] = ["Only \"failed\" deliveries can be retried in bulk."] });
        }
        if (request.EventType is { } type && !EventTypePattern.IsValidType(type))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["event_type"] = ["Give one event type such as \"invoice.paid\" (no wildcard)."] });
        }
        if (TimeRange.Check(request.Since, request.Until) is { } empty)
        {
            return empty;
        }
        var filter = new FailedDeliveryFilter(request.EventType, request.Since, request.Until);
        return await grains.Grain<IEndpointGrain>(id).RetryFailedAsync(filter) switch
        {
            null => Problems.NotFound("The webhook"),
            { Accepted: false } => Problems.Status(StatusCodes.Status409Conflict, "Too many bulk retries under way",
                $"This webhook already has {BulkRetryResult.MaxPending} bulk retries waiting; send this one again once they are done."),
            { Matched: var matched } => TypedResults.Accepted((string?)null, new BulkRetryResponse(matched)),
        };
    }
}
