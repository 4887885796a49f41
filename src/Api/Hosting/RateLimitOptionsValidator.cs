using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

public sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) => new OptionChecks(RateLimitOptions.Section)
        .Within(nameof(options.PermitLimit), options.PermitLimit, 1, 1_000_000)
        .Within(nameof(options.Window), options.Window, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1))
        .Within(nameof(options.FailedAuthLimit), options.FailedAuthLimit, 1, 1_000_000)
        .Within(nameof(options.FailedAuthWindow), options.FailedAuthWindow, TimeSpan.FromMilliseconds(1), TimeSpan.FromHours(1))
        .Result;
}
