using Herald.Grains.Delivery;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Network;

/// <summary>
/// Refuses to start with an unreadable <c>Herald:Delivery:AllowedNetworks</c> rather than guarding with less than was
/// asked, or with a queue window that could not hold one delivery.
/// </summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        if (options.QueueWindow is < 1 or > 10_000)
        {
            return ValidateOptionsResult.Fail($"{DeliveryOptions.Section}:QueueWindow must be 1–10000 (was {options.QueueWindow}).");
        }
        if (options.QueueWindowBudgetBytes < 0)
        {
            return ValidateOptionsResult.Fail($"{DeliveryOptions.Section}:QueueWindowBudgetBytes must not be negative (was {options.QueueWindowBudgetBytes}).");
        }
        try
        {
            DestinationPolicy.ParseNetworks(options.AllowedNetworks);
            return ValidateOptionsResult.Success;
        }
        catch (FormatException exception)
        {
            return ValidateOptionsResult.Fail($"{DeliveryOptions.Section}:AllowedNetworks: {exception.Message}");
        }
    }
}
