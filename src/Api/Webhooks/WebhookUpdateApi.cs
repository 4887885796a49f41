using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Api.Auth;
using Herald.Api.Catalog;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

/// <summary>Changes to a registration: <c>PATCH /v1/webhooks/{id}</c>.</summary>
public static class WebhookUpdateApi
{
    /// <summary>How often a change is built again on top of another change that came first, before the answer is 409.</summary>
    private const int MaxTries = 3;

    public static RouteGroupBuilder MapWebhookUpdate(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPatch("/{id}", UpdateAsync).Accepts<PatchWebhookRequest>("application/json");
        return webhooks;
    }

    /// <summary>
    /// Absent fields keep their value, sent ones replace it, null sets what a registration without the field gets; the
    /// result is checked as a whole by the rules of <c>POST</c>. The secret and the status are not changed here.
    /// </summary>
    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> UpdateAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> api, IOptions<DeliveryOptions> delivery, EventCatalog catalog,
        [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is not { } current)
        {
            return Problems.NotFound("The webhook");
        }
        var refused = new Dictionary<string, string>
        {
            ["secret"] = $"A change never replaces the secret: POST /v1/webhooks/{id}/rotate-secret does, and keeps the old one valid for a grace period.",
        };
        var (patch, sent, problem) = await JsonBody.ReadPatchAsync<PatchWebhookRequest>(http.Request, api.Value, refused);
        if (problem is not null)
        {
            return problem;
        }
        var account = grains.Grain<IAccountGrain>(current.AccountId);
        for (var tries = 1; ; tries++)
        {
            if (await account.GetAsync() is not { } owner)
            {
                return Problems.NotFound("The webhook");
            }
            var (request, defaults) = patch!.ApplyTo(current, owner.Settings, sent);
            if (WebhooksApi.SourceRefusal(ApiKeyFilter.CallerOf(http), request.Source) is { } outside)
            {
                return outside;
            }
            var (spec, invalid) = await WebhookRegistration.CheckAsync(request, defaults, current.Events, delivery.Value, catalog, http.RequestAborted);
            if (invalid is not null)
            {
                return invalid;
            }
            try
            {
                var (updated, refusal) = await WebhookRegistration.SaveAsync(() => account.UpdateWebhookAsync(id, spec!, current.Revision));
                if (refusal is not null)
                {
                    return refusal;
                }
                return updated is null ? Problems.NotFound("The webhook") : TypedResults.Ok(WebhookResponse.From(updated));
            }
            catch (WebhookChangedException) when (tries < MaxTries)
            {
                // Another change came first: build this one again on top of it, so that neither undoes the other.
                if (await grains.Grain<IEndpointGrain>(id).GetAsync() is not { } latest)
                {
                    return Problems.NotFound("The webhook");
                }
                current = latest;
            }
            catch (WebhookChangedException)
            {
                return Problems.Status(StatusCodes.Status409Conflict, "The webhook keeps changing",
                    "Other changes to this webhook came first several times over; send this one again.");
            }
        }
    }
}
