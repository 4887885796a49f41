using Herald.Grains.Delivery;
using Microsoft.Extensions.Options;

namespace Herald.Grains.Network;

/// <summary>Refuses to start with an unreadable <c>Herald:Delivery:AllowedNetworks</c> rather than guarding with less than was asked.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
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
