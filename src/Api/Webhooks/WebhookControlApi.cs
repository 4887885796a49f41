using Herald.Abstractions.Webhooks;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

/// <summary>Replay and control: enable, disable, resend one delivery, recover failed ones in a time range.</summary>
public static class WebhookControlApi
{
    public static RouteGroupBuilder MapWebhookControl(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{id}/enable", EnableAsync);
        webhooks.MapPost("/{id}/disable", DisableAsync);
        webhooks.MapPost("/{id}/deliveries/{deliveryId}/retry", ResendAsync);
        webhooks.MapPost("/{id}/recover", RecoverAsync).Accepts<RecoverRequest>("application/json");
        return webhooks;
    }

    private static Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> EnableAsync(string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId) =>
        ChangeAsync(id, http, grains, accountId, endpoint => endpoint.EnableAsync());

    private static Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> DisableAsync(string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId) =>
        ChangeAsync(id, http, grains, accountId, endpoint => endpoint.DisableAsync());

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> ChangeAsync(
        string id, HttpContext http, IGrainFactory grains, string? accountId, Func<IEndpointGrain, Task<WebhookView?>> change)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null
            || await change(grains.Grain<IEndpointGrain>(id)) is not { } view)
        {
            return Problems.NotFound("The webhook");
        }
        return TypedResults.Ok(WebhookResponse.From(view));
    }

    private static async Task<Results<Accepted<ResendResponse>, ProblemHttpResult>> ResendAsync(
        string id, string deliveryId, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        return await grains.Grain<IEndpointGrain>(id).ResendAsync(deliveryId) switch
        {
            ResendOutcome.Queued => TypedResults.Accepted((string?)null, new ResendResponse(deliveryId, "queued")),
            ResendOutcome.AlreadyQueued => Problems.Status(StatusCodes.Status409Conflict, "The delivery is already queued",
                "It is pending or held; it will be attempted in its turn."),
            _ => Problems.NotFound("The delivery"),
        };
    }

    private static async Task<Results<Accepted<RecoverResponse>, ProblemHttpResult>> RecoverAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, TimeProvider time, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var (request, problem) = await JsonBody.ReadAsync<RecoverRequest>(http.Request, options.Value);
        if (problem is not null)
        {
            return problem;
        }
        if (request!.Since is not { } since || since > time.GetUtcNow())
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["since"] = ["Give a past time such as \"2026-11-23T10:00:00Z\"."] });
        }
        if (TimeRange.Check(since, request.Until) is { } empty)
        {
            return empty;
        }
        var recovered = await grains.Grain<IEndpointGrain>(id).RecoverAsync(since, request.Until);
        return TypedResults.Accepted((string?)null, new RecoverResponse(recovered));
    }
}
