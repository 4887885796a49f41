using Herald.Abstractions.Webhooks;
using Herald.Api.Catalog;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Herald.Api.Webhooks;

/// <summary>
/// What a registration must pass, the same for <c>POST</c> and <c>PATCH</c>: the field rules, the catalog's strict mode,
/// then the account grain's own refusals (the per-account and per-source limits, a secret that does not suit a new scheme),
/// each a 422.
/// </summary>
public static class WebhookRegistration
{
    /// <param name="subscribed">The patterns the webhook already has (none for a new one); the catalog does not check them again.</param>
    public static async Task<(WebhookSpec? Spec, ProblemHttpResult? Problem)> CheckAsync(CreateWebhookRequest request, WebhookDefaults defaults,
        IReadOnlyCollection<string> subscribed, DeliveryOptions delivery, EventCatalog catalog, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (WebhookSpecValidator.Validate(request, delivery, defaults, errors) is { } spec)
        {
            await catalog.CheckSubscriptionsAsync(spec.Events, subscribed, errors, cancellationToken);
            if (!errors.Any)
            {
                return (spec, null);
            }
        }
        return (null, Problems.Invalid(errors.ToDictionary()));
    }

    /// <summary>Runs the account grain's write; its refusals become 422s naming the field, and nothing was written.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> SaveAsync<T>(Func<Task<T?>> save)
        where T : class
    {
        try
        {
            return (await save(), null);
        }
        catch (SourceLimitReachedException limit)
        {
            return (null, Problems.Invalid(new Dictionary<string, string[]>
            {
                ["source"] = [$"{limit.Message} Delete one of them, or ask the operator to raise the account's max_webhooks_per_source ({limit.Limit})."],
            }, ProblemCodes.LimitReached));
        }
        catch (AccountLimitReachedException limit)
        {
            return (null, Problems.Status(StatusCodes.Status422UnprocessableEntity, "The account has the most webhooks allowed",
                $"{limit.Message} Delete one before registering another.", ProblemCodes.LimitReached));
        }
        catch (SecretUnsuitableException)
        {
            return (null, Refused("signature.scheme",
                "The webhook's secret does not suit this scheme, and a change never replaces the secret. Rotate it first "
                + "(POST /v1/webhooks/{id}/rotate-secret with a \"whsec_…\" secret and \"grace_period\": \"0s\"), then change the scheme."));
        }
    }

    private static ProblemHttpResult Refused(string field, string message) =>
        Problems.Invalid(new Dictionary<string, string[]> { [field] = [message] });
}
