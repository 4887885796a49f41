using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Delivery;

public sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options) => new OptionChecks(RetentionOptions.Section)
        .Within(nameof(options.Period), options.Period, TimeSpan.FromHours(1), TimeSpan.FromDays(3650))
        .Within(nameof(options.Interval), options.Interval, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
        .Result;
}
