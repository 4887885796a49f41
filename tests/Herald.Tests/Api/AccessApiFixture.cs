using Herald.Api.Auth;
using Herald.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Herald.Tests.Api;

/// <summary>
/// Herald whose access control (key and portal session expiry, the key cache) reads <see cref="Clock"/>, a clock the
/// tests advance by hand; the silo keeps the system clock.
/// </summary>
public sealed class AccessApiFixture : ApiFixture
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServices(IServiceCollection services) =>
        services.AddKeyedSingleton<TimeProvider>(AccessClock.Key, Clock);
}
