using Herald.Abstractions.Signatures;
using Herald.Abstractions.Webhooks;
using Herald.Api.Json;
using Herald.Grains.Delivery;
using Herald.Grains.Network;
using Herald.Grains.Routing;
using Herald.Grains.Signing;

namespace Herald.Api.Webhooks;

/// <summary>
/// Checks a registration at the edge and turns it into a <see cref="WebhookSpec"/>, or names every bad field. A change
/// (<c>PATCH</c>) is checked here too, as the whole registration it makes (<see cref="PatchWebhookRequest.ApplyTo"/>).
/// </summary>
public static class WebhookSpecValidator
{
    private const int MaxUrlLength = 2048;
    private const int MaxEvents = 100;
    private const int MaxHeaders = 20;

    /// <param name="defaults">What applies where the request names no signature, retry or timeout.</param>
    public static WebhookSpec? Validate(CreateWebhookRequest request, DeliveryOptions delivery, WebhookDefaults defaults, FieldErrors errors)
    {
        ValidateUrl(request.Url, delivery, errors);
        ValidateEvents(request.Events, errors);
        if (request.Source is { } source && !IsToken(source, 128))
        {
            errors.Add("source", "Use 1–128 characters from A–Z, a–z, 0–9 and _ . : -");
        }
        if (request.Description is { Length: > 500 })
        {
            errors.Add("description", "Keep the description to 500 characters.");
        }
        var signature = SignatureProfileValidator.Validate(request.Signature, "signature", errors) ?? defaults.Signature;
        ValidateSecret(request.Secret, signature.Scheme, errors);
        var retry = RetryPolicyValidator.Validate(request.Retry, "retry", errors) ?? defaults.Retry;
        if (request.TimeoutSeconds is < 1 or > 60)
        {
            errors.Add("timeout_seconds", "Use a timeout of 1–60 seconds.");
        }
        var ordering = request.Ordering switch
        {
            null or "strict" => DeliveryOrdering.Strict,
            "concurrent" => DeliveryOrdering.Concurrent,
            _ => (DeliveryOrdering?)null,
        };
        if (ordering is null)
        {
            errors.Add("ordering", "Use \"strict\" or \"concurrent\".");
        }
        if (request.MaxInFlight is { } maxInFlight && (ordering == DeliveryOrdering.Strict ? maxInFlight != 1 : maxInFlight is < 1 or > 100))
        {
            errors.Add("max_in_flight", ordering == DeliveryOrdering.Strict
                ? "Strict ordering has exactly one message in flight; use \"ordering\": \"concurrent\" for more."
                : "Use 1–100 messages in flight.");
        }
        if (request.RateLimit is < 1 or > 10_000)
        {
            errors.Add("rate_limit", "Use 1–10000 deliveries per second, or leave it out for no limit.");
        }
        ValidateHeaders(request.Headers, SignatureProfileValidator.HeaderNames(signature), errors);

        return errors.Any
            ? null
            : new WebhookSpec(request.Url!, request.Events!, request.Source, request.Description, request.Secret, retry,
                request.TimeoutSeconds ?? defaults.TimeoutSeconds, request.Headers ?? [], ordering!.Value,
                request.MaxInFlight ?? (ordering == DeliveryOrdering.Concurrent ? 10 : 1), request.RateLimit)
            {
                Signature = signature,
            };
    }

    /// <summary>A supplied secret must suit the scheme that will sign with it; the message never repeats the secret.</summary>
    public static void ValidateSecret(string? secret, SignatureScheme scheme, FieldErrors errors)
    {
        if (secret is null || WebhookSecret.IsValid(scheme, secret))
        {
            return;
        }
        errors.Add("secret", scheme == SignatureScheme.StandardWebhooks
            ? "A Standard Webhooks secret is whsec_ followed by the base64 of 24–64 random bytes."
            : $"A secret for a custom HMAC profile has {WebhookSecret.MinCustomLength}–{WebhookSecret.MaxCustomLength} printable characters, without surrounding spaces.");
    }

    private static void ValidateUrl(string? url, DeliveryOptions delivery, FieldErrors errors)
    {
        var requireHttps = delivery.RequireHttps;
        if (string.IsNullOrWhiteSpace(url))
        {
            errors.Add("url", "The endpoint URL is required.");
            return;
        }
        if (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            errors.Add("url", $"Give an absolute URL of at most {MaxUrlLength} characters.");
            return;
        }
        if (uri.Scheme != Uri.UriSchemeHttps && (requireHttps || uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add("url", requireHttps ? "The URL must use https." : "The URL must use http or https.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            errors.Add("url", "The URL may not carry credentials; use custom headers instead.");
        }
        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            errors.Add("url", "The URL may not have a fragment.");
        }
        if (LiteralDestination.Refusal(uri, new DestinationPolicy(delivery)) is { } refusal)
        {
            errors.Add("url", refusal);
        }
    }

    private static void ValidateEvents(List<string>? events, FieldErrors errors)
    {
        if (events is null || events.Count == 0)
        {
            errors.Add("events", "Subscribe to at least one event type (\"*\" for every type).");
            return;
        }
        if (events.Count > MaxEvents)
        {
            errors.Add("events", $"Subscribe to at most {MaxEvents} patterns.");
        }
        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null || !EventTypePattern.IsValid(events[i]))
            {
                errors.Add($"events[{i}]", "Use an event type such as \"server.created\", a prefix such as \"server.*\", or \"*\".");
            }
        }
    }

    private static void ValidateHeaders(Dictionary<string, string>? headers, IEnumerable<string> signatureHeaders, FieldErrors errors)
    {
        if (headers is null)
        {
            return;
        }
        if (headers.Count > MaxHeaders)
        {
            errors.Add("headers", $"Set at most {MaxHeaders} custom headers.");
        }
        var signing = new HashSet<string>(signatureHeaders, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            if (!HeaderRules.IsName(name) || HeaderRules.IsReserved(name))
            {
                errors.Add($"headers.{name}", "Use a valid header name that is not one of Herald's own or a hop-by-hop header.");
            }
            else if (signing.Contains(name))
            {
                errors.Add($"headers.{name}", "The signature profile sets this header.");
            }
            if (value is null || value.Length > 1024 || value.Any(c => c is '\r' or '\n' or '\0'))
            {
                errors.Add($"headers.{name}", "Use a value of at most 1024 characters without line breaks.");
            }
        }
    }

    internal static bool IsToken(string value, int maxLength) =>
        value.Length is > 0 && value.Length <= maxLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-');
}
