using Herald.Abstractions.Accounts;
using Herald.Abstractions.Webhooks;
using Herald.Api.Auth;
using Herald.Api.Catalog;
using Herald.Api.Idempotency;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/webhooks").WithTags("Webhooks");
        group.MapPost("/", CreateAsync).Accepts<CreateWebhookRequest>("application/json").Idempotent(answersHoldSecrets: true);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapDelete("/", BulkDeleteAsync);
        return group.MapWebhookUpdate().MapWebhookControl().MapWebhookSecrets().MapWebhookTest().MapBulkRetry()
            .MapDeliveries().MapAttempts().MapWebhookStats();
    }

    private static async Task<Results<Created<WebhookResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> api, IOptions<DeliveryOptions> delivery, EventCatalog catalog)
    {
        var (request, problem) = await JsonBody.ReadAsync<CreateWebhookRequest>(http.Request, api.Value);
        if (problem is not null)
        {
            return problem;
        }
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(request!.AccountId) is not { } accountId)
        {
            return AccountProblem(http);
        }
        var caller = ApiKeyFilter.CallerOf(http);
        if (caller.Sources is [var only] && request.Source is null)
        {
            // A portal session for one source registers for that source unless told otherwise.
            request = request with { Source = only };
        }
        if (SourceRefusal(caller, request.Source) is { } outside)
        {
            return outside;
        }
        IdempotentRoute.ActsFor(http, accountId);
        var account = grains.Grain<IAccountGrain>(accountId);
        if (await account.GetAsync() is not { } owner)
        {
            return Problems.NotFound("The account");
        }
        var (spec, invalid) = await WebhookRegistration.CheckAsync(request, WebhookDefaults.Of(owner.Settings), [], delivery.Value, catalog,
            http.RequestAborted);
        if (invalid is not null)
        {
            return invalid;
        }
        var (created, refused) = await WebhookRegistration.SaveAsync(() => account.CreateWebhookAsync(spec!));
        if (refused is not null)
        {
            return refused;
        }
        if (created is null)
        {
            return Problems.NotFound("The account");
        }
        // The webhook exists whatever the test's outcome; the test is bounded by the webhook's own timeout.
        var test = request.Test == true ? await grains.Grain<IEndpointGrain>(created.Webhook.Id).SendTestAsync() : null;
        return TypedResults.Created($"/v1/webhooks/{created.Webhook.Id}", WebhookResponse.From(created.Webhook, created.Secret) with { Test = test });
    }

    private static async Task<Results<Ok<Page<WebhookResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        var (query, problem) = PageQuery.Read(http.Request);
        if (problem is not null)
        {
            return problem;
        }
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(accountId) is not { } account)
        {
            return AccountProblem(http);
        }
        var caller = ApiKeyFilter.CallerOf(http);
        var ids = await grains.Grain<IAccountGrain>(account).ListWebhooksAsync();
        // ids are time-sortable and listed newest first, so the cursor is the last id of the previous page. Webhooks the
        // caller does not see (a portal session's other sources) are skipped, so a page is full unless the list ends.
        var data = new List<WebhookView>();
        var more = false;
        foreach (var chunk in ids.Where(id => query!.Cursor is null || string.CompareOrdinal(id, query.Cursor) < 0).Chunk(query!.Limit + 1))
        {
            var views = await Task.WhenAll(chunk.Select(id => grains.Grain<IEndpointGrain>(id).GetAsync()));
            foreach (var view in views.OfType<WebhookView>().Where(v => caller.Sees(v.Source)))
            {
                if (data.Count == query.Limit)
                {
                    more = true;
                    break;
                }
                data.Add(view);
            }
            if (more)
            {
                break;
            }
        }
        return TypedResults.Ok(new Page<WebhookResponse>(data.Select(v => WebhookResponse.From(v)).ToList(), more ? data[^1].Id : null));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        var view = await FindAsync(id, http, grains, accountId);
        return view is null ? Problems.NotFound("The webhook") : TypedResults.Ok(WebhookResponse.From(view));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext http, IGrainFactory grains, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await FindAsync(id, http, grains, accountId) is not { } view
            || !await grains.Grain<IAccountGrain>(view.AccountId).DeleteWebhookAsync(id))
        {
            return Problems.NotFound("The webhook");
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<BulkDeleteResponse>, ProblemHttpResult>> BulkDeleteAsync(
        HttpContext http, IGrainFactory grains, string? ids, [FromQuery(Name = "account_id")] string? accountId)
    {
        var requested = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (requested.Count is 0 or > PageQuery.MaxLimit)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["ids"] = [$"Name 1–{PageQuery.MaxLimit} webhook ids, comma-separated."] });
        }
        var deleted = new List<string>();
        var notFound = new List<string>();
        foreach (var id in requested)
        {
            var removed = await FindAsync(id, http, grains, accountId) is { } view
                && await grains.Grain<IAccountGrain>(view.AccountId).DeleteWebhookAsync(id);
            (removed ? deleted : notFound).Add(id);
        }
        return TypedResults.Ok(new BulkDeleteResponse(deleted, notFound));
    }

    /// <summary>
    /// The webhook if it exists, belongs to the account the caller acts for and is of a source the caller sees; otherwise
    /// null (→ 404).
    /// </summary>
    internal static async Task<WebhookView?> FindAsync(string id, HttpContext http, IGrainFactory grains, string? accountId)
    {
        var caller = ApiKeyFilter.CallerOf(http);
        // Only ids Herald could have made reach a grain (and from there, PostgreSQL).
        if (!id.StartsWith("wh_", StringComparison.Ordinal) || !WebhookSpecValidator.IsToken(id, 64))
        {
            return null;
        }
        var view = await grains.Grain<IEndpointGrain>(id).GetAsync();
        var owner = caller.IsAdmin && accountId is null ? view?.AccountId : caller.ResolveAccount(accountId);
        return view is not null && view.AccountId == owner && caller.Sees(view.Source) ? view : null;
    }

    /// <summary>403 naming <c>source</c> when the caller (a portal session limited to sources) may not use that source.</summary>
    internal static ProblemHttpResult? SourceRefusal(Caller caller, string? source) => caller.Sees(source)
        ? null
        : Problems.WithFields(StatusCodes.Status403Forbidden, "Forbidden", new Dictionary<string, string[]>
        {
            ["source"] = [$"This portal session manages only webhooks of the sources {string.Join(", ", caller.Sources!)}."],
        }, ProblemCodes.Forbidden);

    internal static ProblemHttpResult AccountProblem(HttpContext http) => ApiKeyFilter.CallerOf(http).IsAdmin
        ? Problems.Invalid(new Dictionary<string, string[]> { ["account_id"] = ["The admin key must name the account it acts for."] })
        : Problems.NotFound("The account");
}
