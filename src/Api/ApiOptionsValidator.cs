using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api;

public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const int MinAdminKeyLength = 16;

    /// <summary>A revoked key or portal session stops working in every API process within this (issue 12's promise).</summary>
    public static readonly TimeSpan MaxKeyCacheTtl = TimeSpan.FromSeconds(5);

    public ValidateOptionsResult Validate(string? name, ApiOptions options) => new OptionChecks(ApiOptions.Section)
        .That(options.AdminKey.Length == 0 || (options.AdminKey.Length >= MinAdminKeyLength && !options.AdminKey.Any(char.IsWhiteSpace)),
            nameof(options.AdminKey), $"use at least {MinAdminKeyLength} characters without spaces (or none, which closes the admin routes).")
        .Within(nameof(options.MaxRequestBytes), options.MaxRequestBytes, 1024, 64L * 1024 * 1024)
        .Within(nameof(options.MaxPayloadBytes), options.MaxPayloadBytes, 1, (int)Math.Min(options.MaxRequestBytes, int.MaxValue))
        .Within(nameof(options.KeyCacheTtl), options.KeyCacheTtl, TimeSpan.Zero, MaxKeyCacheTtl)
        .Within(nameof(options.UnknownKeyTtl), options.UnknownKeyTtl, TimeSpan.Zero, TimeSpan.FromHours(1))
        .Within(nameof(options.UnavailableRetryAfter), options.UnavailableRetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
        .Result;
}
