using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Recovery;

public sealed class RecoveryOptionsValidator : IValidateOptions<RecoveryOptions>
{
    public ValidateOptionsResult Validate(string? name, RecoveryOptions options) => new OptionChecks(RecoveryOptions.Section)
        .Within(nameof(options.SweepPeriod), options.SweepPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .Within(nameof(options.Grace), options.Grace, TimeSpan.Zero, TimeSpan.FromDays(1))
        .Result;
}
