using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Api.Hosting;

public sealed class ServerLimitsOptionsValidator : IValidateOptions<ServerLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerLimitsOptions options) => new OptionChecks(ServerLimitsOptions.Section)
        .Within(nameof(options.RequestHeadersTimeout), options.RequestHeadersTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5))
        .Within(nameof(options.KeepAliveTimeout), options.KeepAliveTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1))
        .Within(nameof(options.MinRequestBodyBytesPerSecond), options.MinRequestBodyBytesPerSecond, 0, 1_000_000_000)
        .Within(nameof(options.MinResponseBytesPerSecond), options.MinResponseBytesPerSecond, 0, 1_000_000_000)
        .Within(nameof(options.MinDataRateGracePeriod), options.MinDataRateGracePeriod, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5))
        .Within(nameof(options.MaxConcurrentConnections), options.MaxConcurrentConnections, 1, 1_000_000)
        .Within(nameof(options.MaxConnectionsPerClient), options.MaxConnectionsPerClient, 0, 1_000_000)
        .Result;
}
