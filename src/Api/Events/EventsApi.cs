using System.Text.Json;
using Herald.Abstractions.Accounts;
using Herald.Abstractions.Events;
using Herald.Abstractions.Ids;
using Herald.Api.Auth;
using Herald.Api.Catalog;
using Herald.Api.Idempotency;
using Herald.Api.Json;
using Herald.Api.Webhooks;
using Herald.Grains.Events;
using Herald.Grains.Hosting;
using Herald.Grains.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Events;

public static class EventsApi
{
    private const int MaxEventIdLength = 128;

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/events").WithTags("Events");
        group.MapPost("/", PublishAsync).Accepts<PublishRequest>("application/json").Idempotent(answersHoldSecrets: false);
        return group.MapEventSearch();
    }

    /// <summary>Answers 202 only once the event and its fan-out are committed to PostgreSQL.</summary>
    private static async Task<Results<Accepted<PublishResponse>, ProblemHttpResult>> PublishAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> api, EventCatalog catalog, TimeProvider time)
    {
        var (request, problem) = await JsonBody.ReadAsync<PublishRequest>(http.Request, api.Value);
        if (problem is not null)
        {
            return problem;
        }
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(request!.AccountId) is not { } accountId)
        {
            return WebhooksApi.AccountProblem(http);
        }
        IdempotentRoute.ActsFor(http, accountId);
        var errors = new FieldErrors();
        Validate(request, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        // The header (checked by the IdempotencyFilter) keys the request; when no id is sent and it is also a valid event
        // id, it names the event too, so the event's own dedupe holds beyond the header's 24 hours (docs/api.md#idempotency).
        var idempotencyKey = http.Request.Headers[IdempotencyKey.Header].ToString();
        var eventId = request.Id ?? (IsEventId(idempotencyKey) ? idempotencyKey : HeraldId.New("evt", time));
        var timestamp = time.GetUtcNow();
        var body = request.Data is { } data
            ? EventEnvelope.Write(eventId, request.Type!, timestamp, data)
            : EventEnvelope.Raw(request.Payload!.Value);
        if (body.Length > api.Value.MaxPayloadBytes)
        {
            return TooLarge($"The body to deliver would be {body.Length} bytes; the limit is {api.Value.MaxPayloadBytes}.");
        }
        await catalog.CheckPublishAsync(request.Type!, request.Data is not null ? "data" : "payload",
            request.Data ?? request.Payload!.Value, errors, http.RequestAborted);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        PublishResult? result;
        try
        {
            result = await grains.Grain<IAccountGrain>(accountId).PublishAsync(new PublishCommand(eventId, request.Type!, request.Source, body, timestamp)
            {
                IsPayload = request.Data is null,
                MaxBodyBytes = api.Value.MaxPayloadBytes,
            });
        }
        catch (PayloadTooLargeException tooLarge)
        {
            return TooLarge($"{tooLarge.Message} The account canonicalises payloads, which can lengthen them.");
        }
        return result is null
            ? Problems.NotFound("The account")
            : TypedResults.Accepted($"/v1/events/{result.EventId}", new PublishResponse(result.EventId, result.Endpoints));
    }

    private static ProblemHttpResult TooLarge(string detail) => Problems.Status(StatusCodes.Status413PayloadTooLarge, "The event is too large", detail);

    private static bool IsEventId(string id) => WebhookSpecValidator.IsToken(id, MaxEventIdLength);

    private static void Validate(PublishRequest request, FieldErrors errors)
    {
        if (request.Type is null || !EventTypePattern.IsValidType(request.Type))
        {
            errors.Add("type", "Give the event type, such as \"server.created\" (no wildcards).");
        }
        if (request.Id is { } id && !IsEventId(id))
        {
            errors.Add("id", "Use 1–128 characters from A–Z, a–z, 0–9 and _ . : -");
        }
        if (request.Source is { } source && !WebhookSpecValidator.IsToken(source, 128))
        {
            errors.Add("source", "Use 1–128 characters from A–Z, a–z, 0–9 and _ . : -");
        }
        var hasData = request.Data is { ValueKind: not JsonValueKind.Undefined };
        var hasPayload = request.Payload is { ValueKind: not JsonValueKind.Undefined };
        if (hasData == hasPayload)
        {
            errors.Add("data", "Send exactly one of \"data\" (wrapped in Herald's envelope) or \"payload\" (sent as is).");
        }
        else if (hasPayload && request.Payload!.Value.ValueKind != JsonValueKind.Object)
        {
            errors.Add("payload", "The payload must be a JSON object.");
        }
    }
}
