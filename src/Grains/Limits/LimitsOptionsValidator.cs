using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Limits;

public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public const int MaxWebhooksPerSourceCeiling = 1000;
    public const int MaxWebhooksPerAccountCeiling = 100_000;

    public ValidateOptionsResult Validate(string? name, LimitsOptions options) => new OptionChecks(LimitsOptions.Section)
        .Within(nameof(options.MaxWebhooksPerSource), options.MaxWebhooksPerSource, 1, MaxWebhooksPerSourceCeiling)
        .Within(nameof(options.MaxWebhooksPerAccount), options.MaxWebhooksPerAccount, 1, MaxWebhooksPerAccountCeiling)
        .Result;
}
