using Microsoft.Extensions.Configuration;

namespace Herald.Grains.Delivery;

/// <summary>Delivery settings, bound from <c>Herald:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Herald:Delivery";

    /// <summary>Refuse <c>http://</c> endpoint URLs.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Timeout of an endpoint registered without one (1–60 s).</summary>
    public int DefaultTimeoutSeconds { get; set; } = 10;

    /// <summary>The longest <c>Retry-After</c> that Herald honours; longer answers are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(1);

    public string UserAgent { get; set; } = "Herald-Webhooks/1.0";

    /// <summary>Deliver to loopback, private, link-local, shared-NAT and unique-local addresses (tests and local development).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>
    /// CIDR ranges delivered to even when private addresses are blocked, comma-separated (<c>127.0.0.1/32</c>), or as a
    /// list (<c>AllowedNetworks:0</c>, <c>AllowedNetworks__0</c> in the environment): see <see cref="AllowedNetworksList"/>.
    /// </summary>
    public string AllowedNetworks { get; set; } = "";

    /// <summary>
    /// Period of an endpoint's wake reminder, kept while work waits: after a crash or a silo's shutdown, the longest
    /// its queue can wait before another silo picks it up. Orleans' minimum reminder period (1 minute) bounds it.
    /// </summary>
    public TimeSpan WakeReminderPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <c>AllowedNetworks</c> when configuration gives it as a list (the binder leaves a string property empty then), joined
    /// with whatever single value is given beside it; null when it is not given as a list.
    /// </summary>
    public static string? AllowedNetworksList(IConfiguration configuration)
    {
        var setting = configuration.GetSection(Section).GetSection(nameof(AllowedNetworks));
        var entries = setting.GetChildren().Select(c => c.Value).ToList();
        return entries.Count == 0 ? null : string.Join(",", entries.Prepend(setting.Value).Where(e => !string.IsNullOrWhiteSpace(e)));
    }

    /// <summary>
    /// How many queued deliveries an endpoint grain keeps in memory, bodies included, as the publishes' notices bring
    /// them (1–10,000); beyond it, it reads them back from PostgreSQL in their turn.
    /// </summary>
    public int QueueWindow { get; set; } = 256;

    /// <summary>
    /// How much of each answer's body the attempt log keeps (0–65,536 bytes; 0 keeps none). Read within the attempt's
    /// timeout; the rest of the body is not read.
    /// </summary>
    public int ResponseExcerptBytes { get; set; } = 4096;

    /// <summary>The bytes of event bodies that all queue windows of one silo may hold together.</summary>
    public long QueueWindowBudgetBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// After this many failed attempts in a row of one delivery (1–1,000), Herald publishes <c>delivery.failing</c>
    /// once for that streak; a later success of the delivery publishes <c>delivery.recovered</c>.
    /// </summary>
    public int FailingAfter { get; set; } = 5;
}
