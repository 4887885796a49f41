using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Storage;

public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options) => new OptionChecks(StorageOptions.Section)
        .Within(nameof(options.MaxQueuedPublishes), options.MaxQueuedPublishes, 1, 1_000_000)
        .Result;
}
