using Herald.Abstractions.Webhooks;
using Herald.Api.Catalog;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

/// <summary>
/// <c>POST /v1/webhooks/{id}/test</c>: sends one signed test event now, whatever the webhook's status, and answers its
/// outcome. Without a body, a <c>webhook.test</c> ping; with <c>{"type", "data"?}</c>, an event of that type
/// (<see cref="TestEvents"/>).
/// </summary>
public static class WebhookTestApi
{
    public static RouteGroupBuilder MapWebhookTest(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{id}/test", SendTestAsync).Accepts<TestRequest>("application/json");
        return webhooks;
    }

    private static async Task<Results<Ok<TestDeliveryResult>, ProblemHttpResult>> SendTestAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, EventCatalog catalog,
        [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        var (request, problem) = await JsonBody.ReadOptionalAsync(http.Request, options.Value, new TestRequest(null, null));
        if (problem is not null)
        {
            return problem;
        }
        var (test, errors) = await TestEvents.ResolveAsync(request!, catalog, http.RequestAborted);
        if (test is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        return await grains.Grain<IEndpointGrain>(id).SendTestAsync(test) is { } result
            ? TypedResults.Ok(result)
            : Problems.NotFound("The webhook");
    }
}
