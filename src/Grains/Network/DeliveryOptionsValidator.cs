using Herald.Grains.Delivery;
using Herald.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Network;

/// <summary>
/// Checks the delivery settings; refuses to start with an unreadable <c>Herald:Delivery:AllowedNetworks</c> rather than
/// guarding with less than was asked, or with a queue window that could not hold one delivery.
/// </summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var networks = NetworksError(options.AllowedNetworks);
        return new OptionChecks(DeliveryOptions.Section)
            .That(networks is null, nameof(options.AllowedNetworks), networks ?? "")
            .Within(nameof(options.DefaultTimeoutSeconds), options.DefaultTimeoutSeconds, 1, 60)
            .Within(nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
            .Within(nameof(options.WakeReminderPeriod), options.WakeReminderPeriod, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1))
            .Within(nameof(options.QueueWindow), options.QueueWindow, 1, 10_000)
            .Within(nameof(options.ResponseExcerptBytes), options.ResponseExcerptBytes, 0, 65_536)
            .Within(nameof(options.QueueWindowBudgetBytes), options.QueueWindowBudgetBytes, 0L, long.MaxValue)
            .Within(nameof(options.FailingAfter), options.FailingAfter, 1, 1000)
            .That(options.UserAgent.Length is > 0 and <= 256 && !options.UserAgent.Any(char.IsControl), nameof(options.UserAgent),
                "use 1–256 characters without control characters.")
            .Result;
    }

    private static string? NetworksError(string networks)
    {
        try
        {
            DestinationPolicy.ParseNetworks(networks);
            return null;
        }
        catch (FormatException exception)
        {
            return exception.Message;
        }
    }
}
