using System.Security.Cryptography;
using System.Text;
using Herald.Api.Auth;
using Herald.Api.Json;
using Herald.Grains.Secrets;
using Herald.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Herald.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on a route marked <see cref="IdempotentRoute"/>: the first request with a key (per caller)
/// runs and, if it answers 2xx, its answer is stored for <see cref="IdempotencyStore.Window"/>; the same key with the
/// same request then gets that answer again with <c>Idempotent-Replayed: true</c>, with another request 409
/// <c>idempotency_mismatch</c>, and while the first still runs 409 <c>idempotency_in_progress</c> with Retry-After.
/// A request without the header is untouched.
/// </summary>
public sealed partial class IdempotencyFilter(
    IdempotencyStore store, SecretProtector protector, IOptions<ApiOptions> options, TimeProvider time, ILogger<IdempotencyFilter> logger)
    : IEndpointFilter
{
    private const string AdminScope = "admin";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(IdempotencyKey.Header, out var values))
        {
            return await next(context);
        }
        if (values.Count != 1 || !IdempotencyKey.IsValid(values[0]))
        {
            return Problems.InvalidParameter(IdempotencyKey.Header, $"Send one key of 1–{IdempotencyKey.MaxLength} printable ASCII characters, such as a UUID.");
        }
        if (await IdempotencyKey.FingerprintAsync(http.Request, options.Value.MaxRequestBytes) is not { } fingerprint)
        {
            return await next(context);
        }
        var key = values[0]!;
        var caller = ApiKeyFilter.CallerOf(http);
        var scope = caller.IsAdmin ? AdminScope : caller.AccountId!;
        if (await store.ClaimAsync(scope, key, fingerprint, time.GetUtcNow(), http.RequestAborted) is { } first)
        {
            return Answer(http, first, fingerprint, Owner(scope, key));
        }
        object? result;
        try
        {
            result = await next(context);
        }
        catch
        {
            await ReleaseAsync(scope, key);
            throw;
        }
        if (result is not IResult answer)
        {
            await ReleaseAsync(scope, key);
            return result;
        }
        var holdsSecrets = http.GetEndpoint()?.Metadata.GetMetadata<IdempotentRoute>()?.AnswersHoldSecrets ?? true;
        return new RecordingResult(answer, (response, body) => body is not null && response.StatusCode is >= 200 and < 300
            ? CompleteAsync(http, scope, key, holdsSecrets, response, body)
            : ReleaseAsync(scope, key));
    }

    private IResult Answer(HttpContext http, IdempotencyEntry first, byte[] fingerprint, string owner)
    {
        if (!CryptographicOperations.FixedTimeEquals(first.RequestHash, fingerprint))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "The idempotency key was used for another request",
                $"This {IdempotencyKey.Header} was sent with a different method, path or body; use a new key for a new request.",
                ProblemCodes.IdempotencyMismatch);
        }
        if (first.StatusCode is null || first.Response is null)
        {
            return Problems.RetryLater(http, StatusCodes.Status409Conflict, ProblemCodes.IdempotencyInProgress, "The first request with this key is still running",
                "Send it again after Retry-After to get its answer.", TimeSpan.FromSeconds(1));
        }
        var body = first.Sealed ? Encoding.UTF8.GetBytes(protector.Open(owner, first.Response)) : first.Response;
        return new StoredAnswer(first, body);
    }

    private async Task CompleteAsync(HttpContext http, string scope, string key, bool holdsSecrets, HttpResponse response, byte[] body)
    {
        var stored = holdsSecrets ? protector.Seal(Owner(scope, key), Encoding.UTF8.GetString(body)) : body;
        var location = response.Headers.Location.ToString();
        try
        {
            // The work is done and the answer is about to go out: a failure to store it must not turn it into an error.
            // The claim then lapses after IdempotencyStore.AbandonedAfter, and a repeat runs again.
            await store.CompleteAsync(scope, key, IdempotentRoute.AccountOf(http) ?? ApiKeyFilter.CallerOf(http).AccountId,
                response.StatusCode, response.ContentType, location.Length > 0 ? location : null, stored, holdsSecrets, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogNotStored(logger, exception);
        }
    }

    private async Task ReleaseAsync(string scope, string key)
    {
        try
        {
            await store.ReleaseAsync(scope, key, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogNotStored(logger, exception);
        }
    }

    /// <summary>What a sealed answer is bound to: it opens only for the row it was stored in.</summary>
    private static string Owner(string scope, string key) => $"idempotency:{scope}:{key}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "An idempotent request's answer could not be stored or its key released; the key lapses after its claim time")]
    private static partial void LogNotStored(ILogger logger, Exception exception);
}
