using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Portal;

public sealed class PortalOptionsValidator : IValidateOptions<PortalOptions>
{
    public ValidateOptionsResult Validate(string? name, PortalOptions options) => new OptionChecks(PortalOptions.Section)
        .That(!string.IsNullOrWhiteSpace(options.Root), nameof(options.Root), "name the folder of the built portal.")
        // One CSP directive's sources: a ';' or a line break would let the setting add directives or headers of its own.
        .That(!string.IsNullOrWhiteSpace(options.FrameAncestors) && options.FrameAncestors.IndexOfAny([';', ',', '\r', '\n']) < 0,
            nameof(options.FrameAncestors), "list CSP sources separated by spaces, such as 'self' https://dashboard.example.com.")
        .Result;
}
