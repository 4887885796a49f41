using Herald.Abstractions.Webhooks;
using Herald.Api.Json;
using Herald.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Herald.Api.Webhooks;

/// <summary>Secret rotation: <c>POST /v1/webhooks/{id}/rotate-secret</c>.</summary>
public static class WebhookSecretsApi
{
    public static RouteGroupBuilder MapWebhookSecrets(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/{id}/rotate-secret", RotateSecretAsync).Accepts<RotateSecretRequest>("application/json");
        return webhooks;
    }

    /// <summary>A new secret, shown this once; the previous one keeps signing beside it for the grace period (default 24h).</summary>
    private static async Task<Results<Ok<RotateSecretResponse>, ProblemHttpResult>> RotateSecretAsync(
        string id, HttpContext http, IGrainFactory grains, IOptions<ApiOptions> api, [FromQuery(Name = "account_id")] string? accountId)
    {
        if (await WebhooksApi.FindAsync(id, http, grains, accountId) is not { } view)
        {
            return Problems.NotFound("The webhook");
        }
        var (request, problem) = await JsonBody.ReadOptionalAsync(http.Request, api.Value, new RotateSecretRequest(null, null));
        if (problem is not null)
        {
            return problem;
        }
        var errors = new FieldErrors();
        var grace = RotateSecretRequest.DefaultGracePeriod;
        if (request!.GracePeriod is { } text && (!Duration.TryParse(text, out grace) || grace > RotateSecretRequest.MaxGracePeriod))
        {
            errors.Add("grace_period", "Use a duration from \"0s\" (the old secret stops now) to \"7d\", such as \"24h\".");
        }
        WebhookSpecValidator.ValidateSecret(request.Secret, view.Signature.Scheme, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }
        return await grains.Grain<IEndpointGrain>(id).RotateSecretAsync(request.Secret, grace) is { } rotated
            ? TypedResults.Ok(new RotateSecretResponse(rotated.Secret, rotated.PreviousExpiresAt))
            : Problems.NotFound("The webhook");
    }
}
