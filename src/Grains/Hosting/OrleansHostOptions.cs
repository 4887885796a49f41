using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Hosting;

/// <summary>Cluster identity and ports, bound from <c>Herald:Orleans</c>; several silos on one host need distinct ports.</summary>
public sealed class OrleansHostOptions
{
    public const string Section = "Herald:Orleans";

    /// <summary>Binds Orleans' <c>ClusterMembershipOptions</c> on silos (ProbeTimeout, NumMissedProbesLimit, …).</summary>
    public const string MembershipSection = "Herald:Orleans:Membership";

    /// <summary>Binds Orleans' <c>GatewayOptions</c> on API clients (GatewayListRefreshPeriod).</summary>
    public const string GatewaySection = "Herald:Orleans:Gateway";

    public string ClusterId { get; set; } = "herald";
    public string ServiceId { get; set; } = "herald";
    public int SiloPort { get; set; } = 11111;
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other silos and clients reach this silo at: an IP literal or a host name (e.g. a compose service).</summary>
    public string AdvertisedHost { get; set; } = "127.0.0.1";

    /// <summary>Listen on every interface (containers) rather than only on the advertised address.</summary>
    public bool ListenOnAnyHostAddress { get; set; }

    /// <summary>
    /// The settings as configured, checked at once: they shape the Orleans host while it is being built, before options
    /// validation at start-up could run.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is not usable; the message names its key.</exception>
    public static OrleansHostOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        var result = new OrleansHostOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(Section, typeof(OrleansHostOptions), result.Failures) : options;
    }
}
