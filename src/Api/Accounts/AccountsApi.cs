using Herald.Abstractions.Accounts;
using Herald.Abstractions.Ids;
using Herald.Api.Auth;
using Herald.Api.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Herald.Api.Accounts;

public static class AccountsApi
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder v1)
    {
        var group = v1.MapGroup("/accounts").WithTags("Accounts");
        group.MapPost("/", CreateAsync).Accepts<AccountRequest>("application/json");
        group.MapGet("/{id}", GetAsync);
        group.MapPatch("/{id}", UpdateAsync).Accepts<AccountRequest>("application/json");
        return group;
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options)
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
        var settings = AccountSettingsValidator.Apply(AccountSettings.Default, request, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var accountId = HeraldId.New("acct");
        var created = await grains.GetGrain<IAccountGrain>(accountId).CreateAsync(request.Name!.Trim(), settings);
        return TypedResults.Created($"/v1/accounts/{accountId}", AccountResponse.From(created.Account, created.ApiKey));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(string id, HttpContext http, IGrainFactory grains)
    {
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(id) != id
            || await grains.GetGrain<IAccountGrain>(id).GetAsync() is not { } account)
        {
            return Problems.NotFound("The account");
        }
        return TypedResults.Ok(AccountResponse.From(account));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> UpdateAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options)
    {
        var account = grains.GetGrain<IAccountGrain>(id);
        if (ApiKeyFilter.CallerOf(http).ResolveAccount(id) != id || await account.GetAsync() is not { } current)
        {
            return Problems.NotFound("The account");
        }
        var (request, problem) = await JsonBody.ReadAsync<AccountRequest>(http.Request, options.Value);
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        var settings = AccountSettingsValidator.Apply(current.Settings, request!, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        var updated = await account.UpdateAsync(request!.Name?.Trim() ?? current.Name, settings);
        return updated is null ? Problems.NotFound("The account") : TypedResults.Ok(AccountResponse.From(updated));
    }
}
