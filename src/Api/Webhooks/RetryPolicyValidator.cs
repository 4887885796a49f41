using Herald.Abstractions.Webhooks;
using Herald.Api.Json;

namespace Herald.Api.Webhooks;

/// <summary>Checks a <c>retry</c> object (a webhook's or an account's default) and builds its <see cref="RetryPolicy"/>.</summary>
public static class RetryPolicyValidator
{
    public static RetryPolicy? Validate(RetryRequest? retry, string field, FieldErrors errors)
    {
        if (retry is null)
        {
            return null;
        }
        var retryClientErrors = retry.RetryClientErrors ?? false;
        if (new object?[] { retry.Schedule, retry.Exponential, retry.Preset }.Count(x => x is not null) != 1)
        {
            errors.Add(field, "Give one of \"schedule\", \"exponential\" or \"preset\".");
            return null;
        }
        if (retry.Preset is { } name)
        {
            if (RetryPresets.Find(name) is { } preset)
            {
                return preset with { RetryClientErrors = retryClientErrors };
            }
            errors.Add(field + ".preset", $"Use one of: {string.Join(", ", RetryPresets.Names)}.");
            return null;
        }
        if (retry.Schedule is { } schedule)
        {
            if (schedule.Count is 0 or > 20)
            {
                errors.Add(field + ".schedule", "List 1–20 delays.");
            }
            var delays = new List<TimeSpan>();
            for (var i = 0; i < schedule.Count; i++)
            {
                if (!Duration.TryParse(schedule[i], out var delay) || delay > TimeSpan.FromDays(7))
                {
                    errors.Add($"{field}.schedule[{i}]", "Use a duration up to 7d such as \"500ms\", \"10s\", \"5m\", \"2h\" or \"1d\".");
                }
                delays.Add(delay);
            }
            return new RetryPolicy(delays.ToArray(), null, retryClientErrors);
        }
        var exponential = retry.Exponential!;
        if (!Duration.TryParse(exponential.Base, out var baseDelay) || baseDelay <= TimeSpan.Zero || baseDelay > TimeSpan.FromDays(1))
        {
            errors.Add(field + ".exponential.base", "Use a positive duration up to 1d such as \"60s\".");
        }
        if (exponential.Factor is not (>= 1 and <= 10))
        {
            errors.Add(field + ".exponential.factor", "Use a factor from 1 to 10.");
        }
        if (exponential.MaxAttempts is not (>= 1 and <= 50))
        {
            errors.Add(field + ".exponential.max_attempts", "Use 1–50 attempts (the first one included).");
        }
        return new RetryPolicy(null, new ExponentialBackoff(baseDelay, exponential.Factor ?? 0, exponential.MaxAttempts ?? 0), retryClientErrors);
    }
}
