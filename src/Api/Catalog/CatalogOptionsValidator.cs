using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Catalog;

public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options) => new OptionChecks(CatalogOptions.Section)
        .Within(nameof(options.RefreshInterval), options.RefreshInterval, TimeSpan.Zero, TimeSpan.FromHours(1))
        .Result;
}
