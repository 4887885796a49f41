using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Telemetry;

public sealed class MetricsOptionsValidator : IValidateOptions<MetricsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricsOptions options) => new OptionChecks(MetricsOptions.Section)
        .Within(nameof(options.BacklogRefresh), options.BacklogRefresh, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1))
        .Result;
}
