using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Api.Auth;
using Herald.Api.Idempotency;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Herald.Grains.Limits;
using Herald.Grains.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Accounts;

public static class AccountsApi
{
    private static readonly TimeSpan MaxKeyGrace = TimeSpan.FromDays(7);
    private static readonly Dictionary<string, string> NoRefusedFields = [];

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts").WithTags("Accounts");
        group.MapPost("/", CreateAsync).Accepts<AccountRequest>("application/json").Idempotent(answersHoldSecrets: true);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id}", GetAsync);
        group.MapDelete("/{id}", DeleteAsync);
        group.MapPatch("/{id}", UpdateAsync).Accepts<AccountRequest>("application/json");
        group.MapPost("/{id}/rotate-key", RotateKeyAsync).Accepts<RotateKeyRequest>("application/json");
        return group;
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, IOptions<LimitsOptions> limits, IOptions<RetentionOptions> retention)
    {
        if (!ApiKeyFilter.CallerOf(http).IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key creates accounts.");
        }
        var (request, problem) = await JsonBody.ReadAsync<AccountRequest>(http.Request, options.Value);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        if (request!.Name is null)
        {
            errors.Add("name", "Give the account a name of 1–200 characters.");
        }
        var settings = AccountSettingsValidator.Apply(AccountSettings.Default, request, errors, retention.Value.Period);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var accountId = HeraldId.New("acct");
        IdempotentRoute.ActsFor(http, accountId);
        var created = await grains.Grain<IAccountGrain>(accountId).CreateAsync(request.Name!.Trim(), settings);
        return TypedResults.Created($"/v1/accounts/{accountId}", AccountResponse.From(created.Account, limits.Value, created.ApiKey));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<LimitsOptions> limits)
    {
        if (await FindAsync(id, http, grains) is not { } account)
        {
            return Problems.NotFound("The account");
        }
        return TypedResults.Ok(AccountResponse.From(account, limits.Value));
    }

    /// <summary>Every account, newest first (admin only).</summary>
    private static async Task<Results<Ok<Page<AccountResponse>>, ProblemHttpResult>> ListAsync(
        HttpContext http, IGrainFactory grains, AccountStore accounts, IOptions<LimitsOptions> limits)
    {
        if (!ApiKeyFilter.CallerOf(http).IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key lists accounts.");
        }
        var (query, problem) = PageQuery.Read(http.Request);
        if (problem is not null)
        {
            return problem;
        }
        var (ids, next) = await accounts.ListAsync(query!.Limit, query.Cursor, http.RequestAborted);
        var views = await Task.WhenAll(ids.Select(id => grains.Grain<IAccountGrain>(id).GetAsync()));
        // A row whose account is being deleted (or whose creation did not finish) has no view: it is left out.
        var data = views.OfType<AccountView>().Select(v => AccountResponse.From(v, limits.Value)).ToList();
        return TypedResults.Ok(new Page<AccountResponse>(data, next));
    }

    /// <summary>
    /// Removes the account and everything of it (admin only): keys, webhooks with their state and reminders, events,
    /// deliveries, attempts, stored idempotent answers. A delete that failed half-way can be sent again; once done, 404.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext http, IGrainFactory grains, ApiKeyCache keys)
    {
        var caller = ApiKeyFilter.CallerOf(http);
        if (!caller.IsAdmin)
        {
            return caller.ResolveAccount(id) == id
                ? Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key deletes accounts.")
                : Problems.NotFound("The account");
        }
        if (caller.ResolveAccount(id) != id || !await grains.Grain<IAccountGrain>(id).DeleteAsync())
        {
            return Problems.NotFound("The account");
        }
        keys.Forget(id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> UpdateAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, IOptions<LimitsOptions> limits,
        IOptions<RetentionOptions> retention)
    {
        if (await FindAsync(id, http, grains) is not { } current)
        {
            return Problems.NotFound("The account");
        }
        var (request, sent, problem) = await JsonBody.ReadPatchAsync<AccountRequest>(http.Request, options.Value, NoRefusedFields);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        var settings = AccountSettingsValidator.Apply(current.Settings, request!, errors, retention.Value.Period, sent);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        if (!ApiKeyFilter.CallerOf(http).IsAdmin)
        {
            // The account's limits are the operator's to set. Sending back the value it has (a read, changed, written
            // back whole) is no change, and leaves an account on the deployment's default there.
            var limit = limits.Value.MaxWebhooksPerSource;
            if ((settings.MaxWebhooksPerSource ?? limit) != (current.Settings.MaxWebhooksPerSource ?? limit))
            {
                return Problems.WithFields(StatusCodes.Status403Forbidden, "Forbidden", new Dictionary<string, string[]>
                {
                    ["max_webhooks_per_source"] = ["Only the admin key changes the account's limits."],
                }, ProblemCodes.Forbidden);
            }
            settings = settings with { MaxWebhooksPerSource = current.Settings.MaxWebhooksPerSource };
        }
        var updated = await grains.Grain<IAccountGrain>(id).UpdateAsync(request!.Name?.Trim() ?? current.Name, settings);
        return updated is null ? Problems.NotFound("The account") : TypedResults.Ok(AccountResponse.From(updated, limits.Value));
    }

    /// <summary>A new key, shown once; the old one lapses at once unless a <c>grace_period</c> (up to 7d) keeps it alive.</summary>
    private static async Task<Results<Ok<RotateKeyResponse>, ProblemHttpResult>> RotateKeyAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options, ApiKeyCache keys)
    {
        if (await FindAsync(id, http, grains) is null)
        {
            return Problems.NotFound("The account");
        }
        var (request, problem) = await JsonBody.ReadOptionalAsync(http.Request, options.Value, new RotateKeyRequest(null));
        if (problem is not null)
        {
            return problem;
        }
        var grace = TimeSpan.Zero;
        if (request!.GracePeriod is { } text && (!Duration.TryParse(text, out grace) || grace > MaxKeyGrace))
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["grace_period"] = ["Use a duration from \"0s\" to \"7d\" such as \"1h\"."],
            });
        }
        var rotated = await grains.Grain<IAccountGrain>(id).RotateKeyAsync(grace);
        keys.Forget(id);
        return rotated is null
            ? Problems.NotFound("The account")
            : TypedResults.Ok(new RotateKeyResponse(rotated.ApiKey, rotated.PreviousExpiresAt));
    }

    /// <summary>The account if the caller may act for it (the admin, or its own key); otherwise null (→ 404).</summary>
    internal static async Task<AccountView?> FindAsync(string id, HttpContext http, IGrainFactory grains) =>
        ApiKeyFilter.CallerOf(http).ResolveAccount(id) == id && id.Length <= 64
            ? await grains.Grain<IAccountGrain>(id).GetAsync()
            : null;
}
