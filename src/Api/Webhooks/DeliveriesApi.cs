using Herald.Api.Json;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Herald.Api.Webhooks;

/// <summary>Debugging: a webhook's deliveries (one per event it received), listed and filtered, and one in detail with its attempts.</summary>
public static class DeliveriesApi
{
    private static readonly string[] Statuses = [DeliveryStatuses.Pending, DeliveryStatuses.Held, DeliveryStatuses.Succeeded, DeliveryStatuses.Failed];

    public static RouteGroupBuilder MapDeliveries(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/deliveries", ListAsync);
        webhooks.MapGet("/{id}/deliveries/{deliveryId}", GetAsync);
        return webhooks;
    }

    private static Task<Results<Ok<Page<DeliveryResponse>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext http, IGrainFactory grains, DeliveryLog deliveries, [FromQuery(Name = "account_id")] string? accountId) =>
        LogQueryParameters.ListAsync(id, http, grains, accountId, Statuses, deliveries.ListAsync, DeliveryResponse.From);

    private static async Task<Results<Ok<DeliveryDetailResponse>, ProblemHttpResult>> GetAsync(
        string id, string deliveryId, HttpContext http, IGrainFactory grains, DeliveryLog deliveries, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is null)
        {
            return Problems.NotFound("The webhook");
        }
        if (!WebhookSpecValidator.IsToken(deliveryId, 128)
            || await deliveries.FindAsync(id, deliveryId, http.RequestAborted) is not { } detail)
        {
            return Problems.NotFound("The delivery");
        }
        return TypedResults.Ok(DeliveryDetailResponse.From(detail));
    }
}
