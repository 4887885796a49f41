using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) => new OptionChecks(ShutdownOptions.Section)
        .Within(nameof(options.DrainTimeout), options.DrainTimeout, TimeSpan.Zero, TimeSpan.FromHours(1))
        .Result;
}
