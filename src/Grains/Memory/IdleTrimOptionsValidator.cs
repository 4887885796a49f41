using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Memory;

public sealed class IdleTrimOptionsValidator : IValidateOptions<IdleTrimOptions>
{
    public ValidateOptionsResult Validate(string? name, IdleTrimOptions options) => new OptionChecks(IdleTrimOptions.Section)
        .Within(nameof(options.CheckInterval), options.CheckInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(10))
        .Within(nameof(options.QuietFor), options.QuietFor, TimeSpan.Zero, TimeSpan.FromDays(1))
        .Within(nameof(options.QuietAllocationBytesPerSecond), options.QuietAllocationBytesPerSecond, 0L, 1024L * 1024 * 1024)
        .Within(nameof(options.MinimumGrowthBytes), options.MinimumGrowthBytes, 0L, 1024L * 1024 * 1024 * 1024)
        .Within(nameof(options.MinimumInterval), options.MinimumInterval, TimeSpan.Zero, TimeSpan.FromDays(1))
        .Within(nameof(options.MinimumDeactivations), options.MinimumDeactivations, 1L, 100_000_000L)
        .Result;
}
