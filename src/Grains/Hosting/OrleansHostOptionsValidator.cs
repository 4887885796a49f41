using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

public sealed class OrleansHostOptionsValidator : IValidateOptions<OrleansHostOptions>
{
    public ValidateOptionsResult Validate(string? name, OrleansHostOptions options) => new OptionChecks(OrleansHostOptions.Section)
        .That(options.ClusterId.Length > 0, nameof(options.ClusterId), "name the cluster.")
        .That(options.ServiceId.Length > 0, nameof(options.ServiceId), "name the service.")
        .That(options.AdvertisedHost.Length > 0, nameof(options.AdvertisedHost), "give an IP address or a host name.")
        .Within(nameof(options.SiloPort), options.SiloPort, 1, 65535)
        .Within(nameof(options.GatewayPort), options.GatewayPort, 1, 65535)
        .That(options.SiloPort != options.GatewayPort, nameof(options.GatewayPort), "use a port other than the silo port.")
        .Result;
}
