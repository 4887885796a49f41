using Microsoft.Extensions.Options;

namespace Herald.Grains.Limits;

public sealed class LimitsOptionsValidator : IValidateOptions<LimitsOptions>
{
    public const int MaxWebhooksPerSourceCeiling = 1000;

    public ValidateOptionsResult Validate(string? name, LimitsOptions options) =>
        options.MaxWebhooksPerSource is >= 1 and <= MaxWebhooksPerSourceCeiling
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{LimitsOptions.Section}:MaxWebhooksPerSource must be 1–{MaxWebhooksPerSourceCeiling}.");
}
