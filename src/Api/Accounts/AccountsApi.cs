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
        group.MapPost("/", CreateAsync).Accepts<CreateAccountRequest>("application/json");
        group.MapGet("/{id}", GetAsync);
        return group;
    }

    private static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAsync(
        HttpContext http, IGrainFactory grains, IOptions<ApiOptions> options)
    {
        if (!ApiKeyFilter.CallerOf(http).IsAdmin)
        {
            return Problems.Status(StatusCodes.Status403Forbidden, "Forbidden", "Only the admin key creates accounts.");
        }
        var (request, problem) = await JsonBody.ReadAsync<CreateAccountRequest>(http.Request, options.Value);
        if (problem is not null)
        {
            return problem;
        }
        var name = request!.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            var errors = new FieldErrors();
            errors.Add("name", "Give the account a name of 1–200 characters.");
            return Problems.Invalid(errors.ToDictionary());
        }
        var accountId = HeraldId.New("acct");
        var created = await grains.GetGrain<IAccountGrain>(accountId).CreateAsync(name);
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
}
